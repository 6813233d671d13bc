from __future__ import annotations

from storage.importing.page_text import scan_page


def test_language_title_and_visible_text() -> None:
    page = scan_page(
        '<html lang="uk-UA"><head><title> Заголовок  сторінки </title>'
        "<style>p { color: red }</style></head><body>"
        "<div>First block</div><p>Second <b>bold</b> block<br>after a break</p>"
        "<script>var hidden = 1;</script><ul><li>item one</li><li>item two</li></ul>"
        "</body></html>"
    )
    assert page.language == "uk-UA"
    assert page.title == "Заголовок сторінки"
    lines = [line for line in page.visible_text.split("\n") if line]
    assert lines == ["First block", "Second bold block", "after a break", "item one", "item two"]


def test_plain_text_and_broken_markup() -> None:
    assert scan_page("just words").visible_text == "just words"
    broken = scan_page("<p>kept</p><![if !supportLists]><p>also kept")
    assert "kept" in broken.visible_text
    assert scan_page("").language is None


def test_unclosed_head_and_svg_titles() -> None:
    page = scan_page(
        "<html><head><title>Real title</title><body>"
        "<svg><title>icon</title></svg><p>Visible words</p>"
    )
    assert page.title == "Real title"
    assert page.visible_text.strip() == "Visible words"

from __future__ import annotations

import datetime

import pytest

from storage.importing import ImportProblem, ParsedArticle, html_reader, parse_text
from storage.importing.html_reader import MAIN_TEXT_NOTE, WHOLE_PAGE_NOTE, parse_html

PARAGRAPHS = [
    "The lighthouse on Gull Point was switched back on late on Wednesday after a "
    "two-year restoration, the maritime trust said.",
    "Workers replaced the lantern glass and rebuilt the spiral staircase, which had "
    "rusted through in several places. The trust put the cost at 1.4 million pounds.",
    "Fishermen said the light would make the approach to the harbour safer in winter "
    "storms, when the old buoys are hard to see.",
]

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Gull Point lighthouse shines again | Shoreline Gazette</title>
  <meta name="author" content="Isla Fenwick">
  <meta property="og:site_name" content="Shoreline Gazette">
  <meta property="og:title" content="Gull Point lighthouse shines again">
  <meta property="og:url" content="https://gazette.example.com/lighthouse">
  <meta property="article:published_time" content="2023-11-08T18:45:00+00:00">
  <script>window.tracking = {{"id": 1}};</script>
</head>
<body>
  <div class="cookie-banner">We use cookies. <button>Accept all</button></div>
  <header><a href="/">Shoreline Gazette</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Gull Point lighthouse shines again</h1>
      <div class="byline">By Isla Fenwick</div>
      <p>{PARAGRAPHS[0]}</p>
      <p>{PARAGRAPHS[1]}</p>
      <p>{PARAGRAPHS[2]}</p>
    </article>
    <aside><h3>Most read</h3><ul><li><a href="/a">Council tax to rise</a></li>
      <li><a href="/b">Ferry strike called off</a></li></ul></aside>
  </main>
  <footer><p>© 2023 Shoreline Gazette Ltd. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></footer>
</body>
</html>
"""


def test_news_page_main_text_and_metadata() -> None:
    article = parse_html(NEWS_PAGE, origin="lighthouse.html")
    assert isinstance(article, ParsedArticle)
    for paragraph in PARAGRAPHS:
        assert f"\n\n{paragraph}" in article.text  # each its own paragraph
    for boilerplate in (
        "Most read",
        "Privacy policy",
        "All rights reserved",
        "Subscribe",
        "cookies",
        "window.tracking",
    ):
        assert boilerplate not in article.text
    assert article.title == "Gull Point lighthouse shines again"
    assert article.author == "Isla Fenwick"
    assert article.outlet == "Shoreline Gazette"
    assert article.url == "https://gazette.example.com/lighthouse"
    assert article.published == datetime.date(2023, 11, 8)
    assert article.language == "en"
    assert article.format == "html"
    assert MAIN_TEXT_NOTE in article.cleanup


UKRAINIAN = [
    "У Житомирі відкрили оновлену бібліотеку після двох років ремонту, повідомила міська "
    "рада у четвер.",
    "Будівельники замінили дах і вікна, а в читальній залі з'явилися нові меблі та "
    "комп'ютери для відвідувачів.",
]


def test_ukrainian_page_with_html_lang() -> None:
    page = (
        '<html lang="uk"><head><meta charset="utf-8"><title>Бібліотека знову відкрита</title>'
        "</head><body><nav><a href='/'>Головна</a> <a href='/news'>Новини</a></nav><article>"
        "<h1>Бібліотека знову відкрита</h1>"
        + "".join(f"<p>{p}</p>" for p in UKRAINIAN)
        + "</article><footer>Усі права захищено</footer></body></html>"
    )
    (article,) = parse_text(page.encode("utf-8"), origin="lib.html", format="html")
    assert isinstance(article, ParsedArticle)
    assert article.language == "uk"
    assert article.title == "Бібліотека знову відкрита"
    for paragraph in UKRAINIAN:
        assert paragraph in article.text
    assert "Усі права захищено" not in article.text


def test_legacy_encoding_declared_in_meta() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><article>" + "".join(f"<p>{p}</p>" for p in UKRAINIAN) + "</article>"
        "</body></html>"
    )
    (article,) = parse_text(page.encode("cp1251"), origin="old.htm", format="html")
    assert isinstance(article, ParsedArticle)
    assert UKRAINIAN[0] in article.text
    assert article.language == "uk"  # detected: the page declares none


def test_page_without_recognisable_article_falls_back_to_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Simulate trafilatura finding no main text, which its own fallbacks make rare.
    monkeypatch.setattr(html_reader, "_extract", lambda text: None)
    page = (
        "<html><head><title>Notice</title><style>b{}</style></head><body>"
        "<footer><p>Pier closed until Friday</p><p>Harbour office</p></footer></body></html>"
    )
    article = parse_html(page, origin="n.html")
    assert isinstance(article, ParsedArticle)
    assert article.text == "Pier closed until Friday\n\nHarbour office"
    assert article.title == "Notice"
    assert article.cleanup == (WHOLE_PAGE_NOTE,)


def test_a_text_file_saved_as_html_still_imports() -> None:
    article = parse_html("Pier closed until Friday, the harbour office said.", origin="t.html")
    assert isinstance(article, ParsedArticle)
    assert article.text == "Pier closed until Friday, the harbour office said."
    assert article.cleanup == (WHOLE_PAGE_NOTE,)


def test_page_with_no_text_is_a_problem() -> None:
    page = "<html><head><title></title></head><body><script>x()</script><img src=a.png></body>"
    assert parse_html(page, origin="e.html") == ImportProblem(
        "e.html", "The page has no readable text."
    )


def test_xhtml_with_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr"><body><p>'
        "Le phare de la pointe a été rallumé mercredi soir après deux ans de travaux, "
        "a indiqué la fondation maritime.</p></body></html>"
    )
    article = parse_html(page, origin="x.xhtml")
    assert isinstance(article, ParsedArticle)
    assert article.language == "fr"
    assert article.text.startswith("Le phare de la pointe")

from __future__ import annotations

from storage.importing import ImportProblem, ParsedArticle, normalize_text
from storage.importing.article_building import finish_article
from storage.importing.metadata_fields import Metadata
from storage.importing.titles import guess_title

BODY = "Divers recovered a bronze bell from the harbour floor on Friday morning."


def test_everything_goes_through_normalization_and_cleanup() -> None:
    raw = f"\ufeffEN | UK\r\n\r\nBell raised\r\n\r\n\r\n\r\n{BODY}   \r\n"
    result = finish_article(raw, Metadata(), origin="o", format="txt", title_guesser=guess_title)
    assert isinstance(result, ParsedArticle)
    assert result.text == f"Bell raised\n\n{BODY}"
    assert result.text == normalize_text(result.text)
    assert result.title == "Bell raised"
    assert result.cleanup == ('Removed language switcher line "EN | UK"',)


def test_metadata_wins_over_guesses() -> None:
    meta = Metadata(title="Given title", language="fr", author="Given Author")
    meta.notes.append("A note from the reader.")
    result = finish_article(
        f"Other title\n\nBy Someone Else\n\n{BODY}",
        meta,
        origin="o",
        format="json",
        title_guesser=guess_title,
    )
    assert isinstance(result, ParsedArticle)
    assert (result.title, result.language, result.author) == ("Given title", "fr", "Given Author")
    assert result.cleanup[0] == "A note from the reader."
    assert "By Someone Else" not in result.text


def test_empty_text_uses_the_given_reason() -> None:
    result = finish_article("\n \n", Metadata(), origin="o", format="json", no_text_reason="Nope.")
    assert result == ImportProblem("o", "Nope.")


def test_extra_is_read_only() -> None:
    meta = Metadata(extra={"k": 1})
    result = finish_article(BODY, meta, origin="o", format="json")
    assert isinstance(result, ParsedArticle)
    meta.extra["k"] = 2
    assert result.extra["k"] == 1

"""CSV tables: one row per record, readable by the csv module (and pandas, when present)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from storage.exporting.csv_tables import TABLES, write
from storage.importing import ParsedArticle
from storage.service import ProjectService


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))


def test_tables_hold_one_row_per_record(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle()
    result = write(bundle, tmp_path / "tables")
    folder = tmp_path / "tables"
    assert sorted(p.name for p in folder.iterdir()) == sorted(name for name, *_ in TABLES)
    assert not (folder / "claims.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM
    counts = {name: len(_read(folder / name)) for name, *_ in TABLES}
    assert counts == {"articles.csv": 4, "claims.csv": 5, "events.csv": 3, "links.csv": 5,
                      "alignments.csv": 3}
    assert result.items == sum(counts.values())

    claims = {int(row["id"]): row for row in _read(folder / "claims.csv")}
    figure = claims[rich["figure"]]
    assert figure["labels"] == "Figure; Casualties"
    assert figure["quote"] == "Mayor Olena Petrenko said 3,000 people attended the opening."
    assert figure["note"] == "Check the count 📝" and figure["certainty"] == "hedged"
    assert claims[rich["from_suggestion"]]["pipeline"] == "en_core_web_sm 3.8.0"
    assert claims[rich["talks"]]["claimant"] == ""  # unknown: an empty cell
    assert claims[rich["uk_claim"]]["quote"] == "на відкриття прийшли 4000 людей 🇺🇦"

    events = {int(row["id"]): row for row in _read(folder / "events.csv")}
    assert events[rich["opening"]]["tags"] == "ceremony 🎉; dam"
    assert events[rich["opening"]]["earliest"] == "2024-03-03"
    assert events[rich["failed"]]["timex_mod"] == "START"
    assert events[rich["lonely"]]["claim_ids"] == ""

    articles = {int(row["id"]): row for row in _read(folder / "articles.csv")}
    assert articles[rich["uk"]]["derived_from"] == str(rich["en"])
    assert articles[rich["ko"]]["reference_date"] == "2024-03-06"

    alignments = _read(folder / "alignments.csv")
    confirmed = next(row for row in alignments if row["status"] == "confirmed")
    assert confirmed["differences"] == "number: count differs"
    assert confirmed["level"] == "claim" and confirmed["b_text"].endswith("🇺🇦.")
    dropped = next(row for row in alignments if row["relation"] == "dropped")
    assert dropped["b_text"] == "" and dropped["b_start"] == ""


def test_pandas_reads_the_tables(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    import pandas

    write(project.export_bundle(), tmp_path)
    claims = pandas.read_csv(tmp_path / "claims.csv", keep_default_na=False)
    assert len(claims) == 5 and "quote" in claims.columns
    assert "на відкриття прийшли 4000 людей 🇺🇦" in set(claims["quote"]), \
        "UTF-8 text comes through whole"


def test_quotes_with_line_breaks_stay_in_one_cell(
    project: ProjectService, make_parsed: Callable[..., ParsedArticle], tmp_path: Path
) -> None:
    from storage.records import ClaimFields

    (article,), _ = project.add_articles([make_parsed('First, "quoted"\n\nsecond; third.')])
    project.create_claim(article.id, ClaimFields(0, len('First, "quoted"\n\nsecond; third.')))
    write(project.export_bundle(), tmp_path)
    (row,) = _read(tmp_path / "claims.csv")
    assert row["quote"] == 'First, "quoted"\n\nsecond; third.'

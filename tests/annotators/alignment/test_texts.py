"""align_texts: parsing included, English and the blank-pipeline languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from annotators.alignment import ALIGNER_NAME, ALIGNER_VERSION, align_texts


def test_english_text_entry_point(nlp: object) -> None:  # nlp: the pipeline is loaded once
    rows = align_texts("The dam in Orsk was completed in 2019 at a cost of $40 million.",
                       "The dam in Orsk was completed in 2019 at a cost of $45 million.",
                       dct_a=dt.date(2024, 1, 5), dct_b=dt.date(2024, 1, 5))
    (row,) = rows
    assert row.relation == "conflicting"
    assert row.differences[0].kind == "number"
    assert ALIGNER_NAME == "claimline-align" and ALIGNER_VERSION == "1"


UK_A = ("Рятувальники у місті Зорянськ евакуювали понад 1 200 мешканців після повені, "
        "повідомила обласна служба.\n\n"
        "За словами голови громади Олени Ковальчук, вода почала спадати 12 березня 2024 року.\n\n"
        "Збитки оцінюють приблизно у 40 млн гривень.")
UK_B = ("Понад 1 200 мешканців Зорянська евакуювали рятувальники через повінь, повідомила "
        "обласна служба.\n\n"
        "За словами голови громади Олени Ковальчук, вода почала спадати 14 березня 2024 року.\n\n"
        "Збитки оцінюють у понад 40 млн гривень.\n\n"
        "Ця катастрофа свідчить про глибоку кризу в управлінні регіоном.")


def test_ukrainian() -> None:
    rows = align_texts(UK_A, UK_B, language="uk", dct_a=dt.date(2024, 3, 20),
                       dct_b=dt.date(2024, 3, 20))
    assert [r.relation for r in rows] == ["reworded", "conflicting", "conflicting", "added"]
    assert [d.kind for d in rows[1].differences] == ["date"]
    assert [d.kind for d in rows[2].differences] == ["certainty"]
    assert rows[2].differences[0].note == "hedged: приблизно → понад"


def test_russian() -> None:
    a = ("Около 300 человек эвакуировали из села Луговое 5 мая 2023 года, сообщили спасатели.\n\n"
         "По данным полиции, погибли два человека.")
    b = ("Спасатели сообщили, что 5 мая 2023 года из села Луговое эвакуировали более 300 "
         "человек.\n\nПо данным полиции, погибли три человека.")
    rows = align_texts(a, b, language="ru")
    assert [r.relation for r in rows] == ["conflicting", "conflicting"]
    assert [d.note for d in rows[0].differences] == ["hedged: около → более"]
    assert [d.note for d in rows[1].differences] == ["2 → 3"]


def test_unknown_dates_without_a_document_date() -> None:
    rows = align_texts("The talks resumed on Monday in Velsk.",
                       "The talks resumed on Tuesday in Velsk.", language="uk")
    assert len(rows) == 1 and rows[0].a_start == 0


def test_no_heavy_imports() -> None:
    import subprocess
    import sys

    code = ("import sys, annotators.alignment; "
            "bad = [m for m in ('spacy', 'storage', 'sqlalchemy', 'PySide6') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_aligner_label() -> None:
    from annotators.alignment import aligner_label

    assert aligner_label() == "claimline-align 1"

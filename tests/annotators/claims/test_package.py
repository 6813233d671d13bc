"""The package's promises: no GUI, database or spaCy on import; an evaluation that runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_importing_pulls_in_no_gui_database_or_spacy() -> None:
    code = ("import sys, annotators.claims; "
            "bad = [m for m in ('PySide6', 'sqlalchemy', 'spacy', 'storage') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_labelled_set_is_large_and_balanced() -> None:
    import json

    path = ROOT / "benchmarks" / "data" / "claims_labelled.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 150
    assert all(set(row) == {"text", "checkworthy"} for row in rows)
    positives = sum(row["checkworthy"] for row in rows)
    assert 0.3 < positives / len(rows) < 0.7
    assert len({row["text"] for row in rows}) == len(rows)


def test_eval_script_runs_on_a_tiny_set(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    data.write_text(
        '{"text": "Kyiv reported that 40 drones were shot down on Monday.", "checkworthy": true}\n'
        '{"text": "What happens next?", "checkworthy": false}\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "claims_eval.py"), "--data", str(data),
         "--words", "300", "--errors"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "P=1.000 R=1.000 F1=1.000" in done.stdout
    assert "ratio" in done.stdout

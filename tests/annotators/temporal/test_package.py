"""The package's promises: pure Python, lazy, and an evaluation script that explains itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_importing_pulls_in_no_gui_database_or_spacy() -> None:
    code = ("import sys, annotators.temporal as t; "
            "t.find_timexes('It rained on Monday.', None); "
            "bad = [m for m in ('PySide6', 'sqlalchemy', 'spacy', 'storage') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_eval_script_explains_a_missing_eval_set(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "timex_eval.py"), "--eval-dir",
         str(tmp_path / "nowhere")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "evaluation set not found" in done.stderr and "--eval-dir" in done.stderr


def test_eval_script_runs_on_a_tiny_set(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "d1.txt").write_text("The plant closed on Friday.", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text(
        '{"doc": "d1", "dct": "1998-02-13", "text_file": "text/d1.txt"}\n', encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(
        '{"doc": "d1", "start": 20, "end": 26, "type": "DATE", "value": "1998-02-13"}\n',
        encoding="utf-8")
    (tmp_path / "score.py").write_text(
        "import json, sys\n"
        "rows = [json.loads(l) for l in open(sys.argv[1])]\n"
        "print('value_f1=' + ('1.0000' if rows and rows[0]['value'] == '1998-02-13' else '0'))\n",
        encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "timex_eval.py"), "--eval-dir", str(tmp_path),
         "--scorer", str(tmp_path / "score.py"), "--speed-words", "200"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "value_f1=1.0000" in done.stdout and "words/second" in done.stdout

"""Start-up stays light: opening the window on a project imports nothing heavy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from pathlib import Path
from desktop.app import create_application
from desktop.main_window import MainWindow
app = create_application([])
window = MainWindow()
window.show()
assert window.open_project(Path(sys.argv[1]))
app.processEvents()
heavy = ["spacy", "thinc", "torch", "trafilatura", "py3langid", "charset_normalizer", "lxml"]
print(json.dumps({"rows": window.articles.model.rowCount(),
                  "loaded": [m for m in heavy if m in sys.modules]}))
"""


@pytest.mark.slow
def test_opening_a_project_imports_no_heavy_library(demo_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(demo_path)], capture_output=True, text=True,
        timeout=120, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report == {"rows": 2, "loaded": []}

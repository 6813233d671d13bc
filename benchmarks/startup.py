"""Start-up time of Claimline against a bare PySide6 window, measured in the same run.

Each sample is a fresh process, from launch until the first window has been
shown and the process has exited: a bare QMainWindow, and Claimline opening
its demo project (built once before timing). The two kinds alternate so that
machine noise hits both alike. Prints medians and the ratio (lower is better).

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.resize(1280, 800)\n"
    "window.show()\n"
    "QTimer.singleShot(0, window.close)\n"
    "app.exec()\n"
)
CLAIMLINE = "from claimline.cli import main\nmain(['--quit-after-shown'])\n"


def timed(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLAIMLINE_HOME": home,
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        # An installed program starts from compiled bytecode; a shell that forbids
        # writing it would make every start compile every module again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        timed(CLAIMLINE, env)  # first run builds the demo project (and bytecode); not timed
        assert (Path(home) / "data" / "Demo project.claimline").exists()
        bare, ours = [], []
        for _ in range(args.runs):
            bare.append(timed(BARE, env))
            ours.append(timed(CLAIMLINE, env))
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"bare QMainWindow start:        {bare_median * 1000:7.0f} ms (median of {args.runs})")
    print(f"Claimline start, demo project: {ours_median * 1000:7.0f} ms (median of {args.runs})")
    print(f"ratio Claimline / bare:        {ours_median / bare_median:7.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""One command to set up Claimline and run it, or run its checks.

    python3 dev.py app [PROJECT]     set up .venv if needed, then open Claimline
    python3 dev.py test [PYTEST...]  set up .venv if needed, then ruff, mypy,
                                     import-linter and the whole pytest suite

Set-up is a virtual environment in `.venv` beside this file with Claimline
installed in editable mode. It is redone only when pyproject.toml changes.
Only the standard library is used here, so any Python >= 3.11 can run it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=env, check=False)
    if completed.returncode != 0:
        raise SystemExit(completed.returncode)


def ensure_environment(extras: str) -> Path:
    """Create or refresh .venv so that it matches pyproject.toml and `extras`."""
    if sys.version_info < MIN_PYTHON:
        raise SystemExit(
            f"Claimline needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; "
            f"this is {sys.version.split()[0]}."
        )
    stamp = VENV / ".claimline-setup"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    wanted = f"{digest} {extras}"
    python = venv_python()
    if python.exists() and stamp.exists():
        done = stamp.read_text().split()
        # A test set-up also serves the app; the reverse is not true.
        if done[:1] == [digest] and (extras == "" or extras in done[1:]):
            return python
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(python, "-m", "pip", "install", "--quiet", "--editable", target)
    stamp.write_text(wanted)
    return python


def command_app(args: list[str]) -> None:
    python = ensure_environment("")
    run(python, "-m", "claimline", *args)


def command_test(args: list[str]) -> None:
    python = ensure_environment("test")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    suffix = ".exe" if os.name == "nt" else ""
    run(python.parent / f"ruff{suffix}", "check", ".", env=env)
    run(python.parent / f"lint-imports{suffix}", env=env)
    run(python, "-m", "mypy", env=env)
    run(python, "-m", "pytest", *args, env=env)


def main() -> None:
    commands = {"app": command_app, "test": command_test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        raise SystemExit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()

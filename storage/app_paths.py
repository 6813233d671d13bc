"""Where Claimline keeps its files on this computer.

By default the platform's usual places (via platformdirs), e.g. on Linux
`~/.local/share/Claimline` for data and `~/.config/Claimline` for settings.
Setting `CLAIMLINE_HOME` puts both under one folder instead: a portable
install, or a test that must not touch the user's real files.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Claimline"
HOME_VARIABLE = "CLAIMLINE_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_VARIABLE)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home_override()
    return home / "data" if home else platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    home = _home_override()
    return home / "config" if home else platformdirs.user_config_path(APP_NAME, appauthor=False)


def demo_project_path() -> Path:
    return data_dir() / "Demo project.claimline"

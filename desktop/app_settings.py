"""The GUI's own settings (recent projects, window layout) in an INI file.

It lives in Claimline's configuration folder (`storage.app_paths.config_dir`),
so `CLAIMLINE_HOME` relocates it together with the data folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from storage.app_paths import config_dir

RECENT_LIMIT = 10


def app_settings() -> QSettings:
    directory = config_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return QSettings(str(directory / "claimline.ini"), QSettings.Format.IniFormat)


def recent_projects() -> list[Path]:
    value = app_settings().value("projects/recent", [])
    if isinstance(value, str):  # QSettings gives a bare string for a one-item list
        value = [value]
    return [Path(str(p)) for p in value] if isinstance(value, list) else []


def remember_project(path: Path) -> None:
    path = path.resolve()
    paths = [path, *(p for p in recent_projects() if p != path)][:RECENT_LIMIT]
    settings = app_settings()
    settings.setValue("projects/recent", [str(p) for p in paths])
    settings.setValue("projects/last", str(path))


def forget_project(path: Path) -> None:
    settings = app_settings()
    settings.setValue("projects/recent", [str(p) for p in recent_projects() if p != path])


def last_project() -> Path | None:
    value = app_settings().value("projects/last")
    return Path(str(value)) if value else None

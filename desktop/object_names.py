"""Stable object names: scripts, tests and accessibility tools find widgets by them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def named(obj: T, name: str) -> T:
    """Give `obj` its object name and hand it back, for use inside expressions."""
    obj.setObjectName(name)
    return obj

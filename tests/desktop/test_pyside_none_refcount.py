"""Guard against the PySide6 6.12.0 / CPython 3.11 reference leak on None.

That combination drops one reference to None on every call of a Qt method
that returns nothing, and the interpreter aborts after a few thousand calls.
pyproject.toml keeps Python 3.11 on PySide6 6.11.x; this test proves that
whatever got installed does not leak.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import QGraphicsRectItem


def test_void_qt_calls_do_not_leak_references_to_none(qapp: object) -> None:
    color = QColor(10, 20, 30)
    document = QTextDocument("Calls that return nothing must not eat references to None.")
    cursor = QTextCursor(document)
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(30_000):
        color.setRed(i % 256)
        cursor.setPosition(i % 50)
        item.setPos(QPointF(i, i))
    assert sys.getrefcount(None) >= before

"""The timeline as a picture: PNG at a higher resolution than the screen, or SVG.

Both draw the view as it is now (its range, lanes, selection and emphasis,
without hover or a drag in progress) through the same frame and painter as
the screen, on a white background, with the lanes' titles and the axis. The
SVG comes from QSvgGenerator (QtSvg ships with PySide6-Essentials): text stays
text, so the event titles can be searched and edited in the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator

from desktop.timeline_canvas import TimelineCanvas


def export_png(view: TimelineCanvas, path: str | Path, scale: float = 2) -> None:
    """Write the view to `path` as a PNG `scale` times its size on screen."""
    size = QSize(round(view.width() * scale), round(view.height() * scale))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        view.paint_to(painter)
    finally:
        painter.end()
    writer = QImageWriter(str(path), QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(f"could not write {path}: {writer.errorString()}")


def export_svg(view: TimelineCanvas, path: str | Path, title: str = "Timeline") -> None:
    """Write the view to `path` as SVG, its text as text."""
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(view.size())
    generator.setViewBox(QRect(0, 0, view.width(), view.height()))
    generator.setTitle(title)
    generator.setDescription("Drawn by Claimline")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    try:
        painter.fillRect(QRect(0, 0, view.width(), view.height()), Qt.GlobalColor.white)
        view.paint_to(painter)
    finally:
        painter.end()

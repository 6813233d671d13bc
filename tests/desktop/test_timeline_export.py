"""The timeline as PNG and SVG: the right size, a white page, the titles as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop.timeline_export import export_png, export_svg
from desktop.timeline_items import TimelineItem
from desktop.timeline_view import TimelineView

LANES = ("RBC-Ukraine", "Mirror site", "Reuters")
SVG = "{http://www.w3.org/2000/svg}"
TITLES = ("Strike on the Kyiv grid", "Talks resume & <continue>", "Ceasefire proposal")


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TimelineView]:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(900, 360)
    widget.show()
    base = datetime(2025, 2, 3)
    items = [TimelineItem(k, title, base + timedelta(days=7 * k),
                          base + timedelta(days=7 * k + 2, seconds=-1), k == 1, (LANES[k],),
                          claims=k, conflict=k == 2)
             for k, title in enumerate(TITLES)]
    widget.set_items(items, LANES)
    widget.set_selected([0])
    yield widget


def test_png_is_the_view_at_a_higher_resolution(view: TimelineView, tmp_path: Path) -> None:
    path = tmp_path / "timeline.png"
    export_png(view, path, scale=2)
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1800, 720)
    band = view.frame().bands[0]
    x, y = 2 * (view.width() - 5), round(2 * (band.top + band.height - 4))
    assert QColor(image.pixel(x, y)) == QColor("white")  # an empty stretch of a lane
    # The events are drawn: the selected bar's colour is somewhere on its row.
    (mark,) = view.mark_rects(0)
    row = [QColor(image.pixel(x, round(2 * mark.center().y())))
           for x in range(round(2 * mark.left()) + 2, round(2 * mark.right()) - 2)]
    assert any(c.blue() > 150 and c.red() < 100 for c in row)
    export_png(view, tmp_path / "small.png", scale=1)
    assert QImage(str(tmp_path / "small.png")).size() == view.size()


def test_svg_is_valid_and_keeps_the_titles_as_text(view: TimelineView, tmp_path: Path) -> None:
    path = tmp_path / "timeline.svg"
    export_svg(view, path, title="Claimline timeline")
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 900 360"
    texts = {"".join(node.itertext()) for node in root.iter(f"{SVG}text")}
    for title in (*TITLES, *LANES, "February 2025"):
        assert title in texts, title
    assert root.findtext(f"{SVG}title") == "Claimline timeline"
    assert any(True for _ in root.iter(f"{SVG}rect"))

"""Speed of the timeline view with 100,000 events, against a plain QGraphicsScene.

Builds 100,000 events over 30 years in 8 lanes (a tenth of them in two lanes;
points, days and spans of up to 40 days, a fifth of them vague, one in a
hundred in conflict), then measures in one run, offscreen, with the real
`TimelineView` and, as the baseline, a bare `QGraphicsScene` holding one
`QGraphicsRectItem` per event and lane (BSP index) in a `QGraphicsView` of the
same size:

1. paint of the whole span (fit all; `grab()`): ratio ours / baseline (goal <= 0.05);
2. build: `set_items` against creating and adding the items (goal <= 0.1);
3. one frame after a 40-pixel pan at a one-month zoom (goal <= 1.0), and a pan
   that leaves the strip the view keeps painted, for comparison;
4. hit test of a click: ours (the frame's own index), and the scene's `items(point)`;
   and at a week, on the events drawn one by one, with how long their rows took.

Medians of several repeats after a warm-up; ours and the baseline alternate so
that noise hits both.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/timeline.py [--events N] [--repeats N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPoint, QPointF, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
)

from desktop.timeline_items import TimelineItem
from desktop.timeline_view import TimelineView

WIDTH, HEIGHT = 1200, 700
LANES = tuple(f"Outlet {name}" for name in "ABCDEFGH")
FIRST = dt.datetime(1995, 1, 1)
YEARS = 30
LANE_PX = 80.0  # the baseline's lane height, in scene units
MONTH = (dt.datetime(2010, 3, 1), dt.datetime(2010, 3, 31))


def make_items(count: int, rng: random.Random) -> list[TimelineItem]:
    items = []
    for key in range(count):
        start = FIRST + dt.timedelta(days=rng.randrange(YEARS * 365))
        kind = rng.random()
        if kind < 0.1:
            end = start + dt.timedelta(hours=rng.randrange(24))
            start = end
        elif kind < 0.6:
            end = start + dt.timedelta(days=1, seconds=-1)
        else:
            end = start + dt.timedelta(days=rng.choice((3, 10, 40)), seconds=-1)
        lanes = (tuple(rng.sample(LANES, 2)) if rng.random() < 0.1 else (rng.choice(LANES),))
        items.append(TimelineItem(
            key, f"Event {key}: statement by officials", start, end, rng.random() < 0.2,
            lanes, (), rng.randrange(4), rng.random() < 0.01, ""))
    return items


def days(moment: dt.datetime) -> float:
    return (moment - FIRST).total_seconds() / 86400


def fill_scene(scene: QGraphicsScene, items: list[TimelineItem], rng: random.Random,
               filled: bool = False) -> None:
    """One rectangle per event and lane, x in days, lanes stacked: what a naive port does.

    Plain items (the default outline, no fill) unless `filled`: a fill and no outline.
    """
    brush, pen = QBrush(QColor("#5478ae")), QPen(Qt.PenStyle.NoPen)
    for item in items:
        x, w = days(item.start), max(days(item.end) - days(item.start), 0.5)
        for lane in item.lanes:
            y = LANES.index(lane) * LANE_PX + rng.randrange(3) * 22 + 6
            rect = QGraphicsRectItem(x, y, w, 10)
            if filled:
                rect.setBrush(brush)
                rect.setPen(pen)
            scene.addItem(rect)


def lane_modes(view: TimelineView) -> str:
    bands = view.frame().bands
    marks = sum(b.density is None for b in bands)
    return f"{marks} of {len(bands)} lanes as marks, the rest as density"


def quiet_offscreen(kind: QtMsgType, context: object, message: str) -> None:
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    qInstallMessageHandler(quiet_offscreen)
    app = QApplication.instance() or QApplication([])
    rng = random.Random(1)
    items = make_items(args.events, rng)

    ours = TimelineView()
    ours.resize(WIDTH, HEIGHT)
    ours.show()
    scenes: list[QGraphicsScene] = []
    graphics = QGraphicsView()
    graphics.resize(WIDTH, HEIGHT)
    graphics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    graphics.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    graphics.show()
    app.processEvents()

    def build_scene() -> None:
        scene = QGraphicsScene()
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        fill_scene(scene, items, random.Random(2))
        graphics.setScene(scene)
        scenes[:] = [scene]

    # 2. build
    built_ours, built_scene = [], []
    for run in range(args.repeats + 1):
        a = timed(lambda: ours.set_items(items, LANES))
        b = timed(build_scene)
        if run:
            built_ours.append(a)
            built_scene.append(b)
    scene = scenes[0]

    # 1. fit all
    def fit_scene() -> None:
        graphics.fitInView(scene.sceneRect(), Qt.AspectRatioMode.IgnoreAspectRatio)

    fit_ours, fit_scene_times = [], []
    ours.fit_all()
    fit_scene()
    for run in range(args.repeats + 1):
        ours._invalidate()  # a fresh frame every time: nothing carried over
        a = timed(ours.grab)
        b = timed(graphics.grab)
        if run:
            fit_ours.append(a)
            fit_scene_times.append(b)
    mode = lane_modes(ours)
    plain_scene = scene
    filled = QGraphicsScene()  # the same with filled, outline-free rectangles: cheaper to paint
    fill_scene(filled, items, random.Random(2), filled=True)
    graphics.setScene(filled)
    fit_scene()
    fit_filled = []
    for run in range(args.repeats + 1):
        b = timed(graphics.grab)
        if run:
            fit_filled.append(b)
    graphics.setScene(plain_scene)

    # 3. a pan at one month
    ours.zoom_to(*MONTH)
    graphics.resetTransform()
    span = days(MONTH[1]) - days(MONTH[0])
    graphics.scale(graphics.viewport().width() / span, graphics.viewport().height()
                   / (len(LANES) * LANE_PX))
    graphics.centerOn(QPointF((days(MONTH[0]) + days(MONTH[1])) / 2, len(LANES) * LANE_PX / 2))
    ours.grab()
    graphics.grab()  # layouts, caches and the BSP tree: built before the clock runs
    pan_ours, pan_scene = [], []
    step = 40
    for run in range(2 * args.repeats + 1):
        direction = 1 if run % 2 else -1
        a = timed(lambda d=direction: (ours.pan(d * step), ours.grab()))  # type: ignore[misc]
        b = timed(lambda d=direction: (graphics.translate(-d * step / graphics.transform().m11(),
                                                         0), graphics.grab()))
        if run:
            pan_ours.append(a)
            pan_scene.append(b)
    month_mode = lane_modes(ours)
    rerender = []  # pans of a whole width: each leaves the cached strip and paints anew
    for run in range(args.repeats + 1):
        direction = 1 if run % 2 else -1
        a = timed(lambda d=direction: (ours.pan(d * 2 * ours.width()), ours.grab()))
        if run:
            rerender.append(a)

    # 4. hit tests at the month zoom: points over the lanes
    points = [QPoint(rng.randrange(int(ours._gutter) + 1, WIDTH), rng.randrange(50, HEIGHT))
              for _ in range(2000)]
    ours.frame()
    hit_ours = timed(lambda: [ours.hit_at(p) for p in points]) / len(points)
    scene_points = [graphics.mapToScene(p) for p in points]
    hit_scene = timed(lambda: [scene.items(p) for p in scene_points]) / len(points)
    week = (dt.datetime(2010, 3, 8), dt.datetime(2010, 3, 15))
    ours.zoom_to(*week)
    ours._builder.forget()  # label widths and row layouts, as after loading a project
    first_week = timed(ours.grab)
    frame = ours.frame()
    marks = [m for band in frame.bands for m in band.marks
             if m.x1 > frame.left + 2 and m.x0 < frame.right - 2][:500]
    targets = [QPointF((max(m.x0, frame.left + 1) + min(m.x1, frame.right - 1)) / 2, m.y)
               for m in marks]  # the middle of what is on screen
    hit_marks = timed(lambda: [ours.hit_at(p) for p in targets]) / max(1, len(targets))
    found = sum(ours.key_at(p) == m.key for p, m in zip(targets, marks, strict=False))

    print(f"{len(items):,} events ({sum(len(i.lanes) for i in items):,} marks) in "
          f"{len(LANES)} lanes over {YEARS} years; views {WIDTH}x{HEIGHT}; "
          f"medians of {args.repeats}")
    r1 = statistics.median(fit_ours) / statistics.median(fit_scene_times)
    r2 = statistics.median(built_ours) / statistics.median(built_scene)
    r3 = statistics.median(pan_ours) / statistics.median(pan_scene)
    print(f"1. fit-all paint      ours {ms(fit_ours)}   scene {ms(fit_scene_times)}"
          f"   ratio {r1:6.3f}   (goal <= 0.05)   [{mode}]")
    print(f"   (against filled, outline-free rectangles: scene {ms(fit_filled)}   ratio "
          f"{statistics.median(fit_ours) / statistics.median(fit_filled):6.3f})")
    print(f"2. build              ours {ms(built_ours)}   scene {ms(built_scene)}"
          f"   ratio {r2:6.3f}   (goal <= 0.1)")
    print(f"3. pan at one month   ours {ms(pan_ours)}   scene {ms(pan_scene)}"
          f"   ratio {r3:6.3f}   (goal <= 1.0)   [{month_mode}]")
    print(f"   (a pan off the cached strip, painted anew three plot widths wide: "
          f"{ms(rerender).strip()})")
    print(f"4. hit test           ours {hit_ours * 1e6:7.1f} µs   scene items(point) "
          f"{hit_scene * 1e6:7.1f} µs   (month zoom); on {len(targets)} marks at a week: "
          f"{hit_marks * 1e6:.1f} µs, {found} of {len(targets)} found exactly")
    print(f"   (the first frame at that week, laying out whole lanes in rows: "
          f"{first_week * 1000:.0f} ms; later frames at that zoom reuse the rows)")


if __name__ == "__main__":
    main()

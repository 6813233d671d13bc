"""The timeline view: navigation, exact hits, selection, drags with snapping, drops, LOD."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.claim_drag import CLAIMS_MIME, DraggedClaims, decode_claims, encode_claims
from desktop.timeline_frame import HANDLE, POINT_RADIUS
from desktop.timeline_items import TimelineItem
from desktop.timeline_view import TimelineView

LANES = ("RBC-Ukraine", "Mirror site", "Reuters")
END_OF_DAY = timedelta(hours=23, minutes=59, seconds=59)


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d)


ITEMS = [
    TimelineItem(1, "Strike on the Kyiv grid", day(2025, 2, 10), day(2025, 2, 14) + END_OF_DAY,
                 False, LANES[:1], ("energy",), 2, False, "10–14 February 2025"),
    TimelineItem(2, "Talks resume", day(2025, 2, 20), day(2025, 2, 20) + END_OF_DAY, False,
                 (LANES[0], LANES[2]), (), 1),
    TimelineItem(3, "Early February offensive", day(2025, 2, 1), day(2025, 2, 10) + END_OF_DAY,
                 True, LANES[1:2], (), 0, False, "early Feb 2025 · 1–10 February 2025"),
    TimelineItem(4, "Ceasefire proposal", day(2025, 2, 24), day(2025, 2, 24) + END_OF_DAY, False,
                 LANES[2:], ("diplomacy", "UN"), 3, True),
    TimelineItem(5, "Statement at 09:30", datetime(2025, 2, 5, 9, 30),
                 datetime(2025, 2, 5, 9, 30), False, LANES[2:]),
]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TimelineView]:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_items(ITEMS, LANES)
    widget.zoom_to(day(2025, 2, 1), day(2025, 3, 1))  # four weeks: edits snap to days
    yield widget


def rect(view: TimelineView, key: int, lane: int = 0) -> tuple[float, float, float]:
    """x0, x1 and the vertical centre of `key`'s mark in its `lane`-th lane."""
    r = view.mark_rects(key)[lane]
    return r.left(), r.right(), r.center().y()


def centre(view: TimelineView, key: int, lane: int = 0) -> QPoint:
    x0, x1, y = rect(view, key, lane)
    return QPoint(round((x0 + x1) / 2), round(y))


def empty_spot(view: TimelineView) -> QPoint:
    band = view.frame().bands[1]  # Mirror site: one event, early in the month
    return QPoint(round(view.x_of(day(2025, 2, 25))), round(band.top + band.height - 12))


def drag(qtbot: QtBot, view: TimelineView, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, (start + end) / 2)
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


# ------------------------------------------------------------ navigation
def test_first_items_are_fitted_and_ranges_follow(qtbot: QtBot) -> None:
    fresh = TimelineView()
    qtbot.addWidget(fresh)
    fresh.resize(1000, 420)
    fresh.set_items(ITEMS, LANES)
    first, last = fresh.visible_range()
    assert first <= day(2025, 2, 1) and last >= day(2025, 2, 25)
    fresh.zoom_to(day(2025, 2, 3), day(2025, 2, 6))
    assert fresh.visible_range() == (day(2025, 2, 3), day(2025, 2, 6))
    fresh.jump_to(day(2025, 6, 1))
    first, last = fresh.visible_range()
    assert first + (last - first) / 2 == day(2025, 6, 1)
    assert last - first == timedelta(days=3)
    fresh.set_items(ITEMS[:2], LANES)  # a filter: the view stays where it is
    assert fresh.visible_range() == (first, last)


def test_keys_zoom_pan_fit_and_go_to_today(qtbot: QtBot, view: TimelineView) -> None:
    first, last = view.visible_range()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    a, b = view.visible_range()
    assert (last - first) / (b - a) == pytest.approx(1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    a, b = view.visible_range()
    assert (b - a).total_seconds() == pytest.approx((last - first).total_seconds())
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.visible_range()[0] - a == pytest.approx((b - a) / 8, abs=timedelta(seconds=1))
    qtbot.keyClick(view, Qt.Key.Key_T)
    a, b = view.visible_range()
    assert abs(a + (b - a) / 2 - datetime.now()) < timedelta(minutes=5)
    qtbot.keyClick(view, Qt.Key.Key_F)
    a, b = view.visible_range()
    assert a <= day(2025, 2, 1) and b >= day(2025, 2, 25)
    view.zoom_to(day(2020, 1, 1), day(2020, 2, 1))
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.visible_range() == (a, b)


def test_wheel_zooms_around_the_pointer(view: TimelineView) -> None:
    x = 700.0
    before = view.moment_at(x)
    span = view.visible_range()[1] - view.visible_range()[0]
    event = QWheelEvent(QPointF(x, 200), QPointF(x, 200), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, event)
    assert abs(view.moment_at(x) - before) < timedelta(seconds=1)
    new_span = view.visible_range()[1] - view.visible_range()[0]
    assert span / new_span == pytest.approx(1.25 ** 2)


# ------------------------------------------------------------ hits
def test_hits_are_exact_at_edges_and_points(view: TimelineView) -> None:
    x0, x1, y = rect(view, 1)
    assert x0 == pytest.approx(view.x_of(day(2025, 2, 10)))
    assert x1 == pytest.approx(view.x_of(day(2025, 2, 15)))  # the day's end is included
    hit = view.hit_at(QPointF(x0, y))
    assert hit is not None and (hit.key, hit.part) == (1, "start")
    assert view.hit_at(QPointF(x0 - HANDLE, y)).part == "start"  # type: ignore[union-attr]
    assert view.key_at(QPointF(x0 - HANDLE - 0.5, y)) == -1
    assert view.hit_at(QPointF(x1 + HANDLE, y)).part == "end"  # type: ignore[union-attr]
    assert view.hit_at(QPointF((x0 + x1) / 2, y)).part == "body"  # type: ignore[union-attr]
    assert view.key_at(QPointF((x0 + x1) / 2, y + 11.5)) == -1  # the next row
    # A point: its diamond, plus a pixel, and not beyond.
    p0, p1, py = rect(view, 5)
    middle = (p0 + p1) / 2
    assert middle == pytest.approx(view.x_of(datetime(2025, 2, 5, 9, 30)))
    assert view.key_at(QPointF(middle + POINT_RADIUS + 1, py)) == 5
    assert view.key_at(QPointF(middle - POINT_RADIUS - 1, py)) == 5
    assert view.key_at(QPointF(middle + POINT_RADIUS + 1.5, py)) == -1
    hit = view.hit_at(QPointF(middle + 30, py))  # the label belongs to the event
    assert hit is not None and (hit.key, hit.part) == (5, "label")
    assert view.hit_at(QPointF(10, py)) is None  # the gutter
    assert view.hit_at(QPointF(500, 10)) is None  # the axis


def test_an_event_shows_in_each_of_its_lanes(view: TimelineView) -> None:
    first, second = view.mark_rects(2)
    assert first.center().x() == pytest.approx(second.center().x())
    band_of = {b.index: b for b in view.frame().bands}
    assert band_of[0].top <= first.center().y() < band_of[0].top + band_of[0].height
    assert band_of[2].top <= second.center().y() < band_of[2].top + band_of[2].height


def test_hits_stay_exact_after_panning(qtbot: QtBot, view: TimelineView) -> None:
    view.grab()
    before = rect(view, 1)
    for dx in (50, 333, -2000, 1617):  # within the painted strip, and off it
        view.pan(dx)
        view.grab()
    after = rect(view, 1)
    assert after[0] == pytest.approx(before[0]) and after[1] == pytest.approx(before[1])
    view.pan(120)
    view.grab()
    x0, x1, y = rect(view, 1)
    assert x0 == pytest.approx(before[0] - 120)
    assert view.key_at(QPointF((x0 + x1) / 2, y)) == 1
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, 1))
    assert blocker.args == [[1]]


# ------------------------------------------------------------ selection and requests
def test_clicks_select_and_modifiers_add(qtbot: QtBot, view: TimelineView) -> None:
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, 1))
    assert blocker.args == [[1]]
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         centre(view, 4))
    assert blocker.args == [[1, 4]]
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         centre(view, 1))
    assert blocker.args == [[4]]
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                         centre(view, 3))
    assert blocker.args == [[3, 4]]
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=empty_spot(view))
    assert blocker.args == [[]]
    with qtbot.assertNotEmitted(view.selectionChanged):
        view.set_selected([2, 99])  # from outside: not signalled, unknown keys dropped
    assert view.selected() == [2]


def test_double_click_asks_to_edit(qtbot: QtBot, view: TimelineView) -> None:
    with qtbot.waitSignal(view.editRequested) as blocker:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre(view, 3))
    assert blocker.args == [3]
    view.set_selected([4])
    with qtbot.waitSignal(view.editRequested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [4]


def test_right_click_asks_for_a_menu(qtbot: QtBot, view: TimelineView) -> None:
    spot = centre(view, 4)
    with qtbot.waitSignal(view.contextMenuRequested) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.RightButton, pos=spot)
    assert blocker.args == [4, view.mapToGlobal(spot)]
    assert view.selected() == [4]
    with qtbot.waitSignal(view.contextMenuRequested) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.RightButton, pos=empty_spot(view))
    assert blocker.args[0] == -1


def test_tooltips_say_what_an_event_is(view: TimelineView) -> None:
    tip = view.tooltip_at(centre(view, 4, 0))
    for part in ("Ceasefire proposal", "3 linked claims", "diplomacy, UN", "disagree"):
        assert part in tip
    assert "early Feb 2025 · 1–10 February 2025" in view.tooltip_at(centre(view, 3))
    assert "approximate" in view.tooltip_at(centre(view, 3))
    assert "In: RBC-Ukraine, Reuters" in view.tooltip_at(centre(view, 2))
    assert view.tooltip_at(empty_spot(view)) == ""


# ------------------------------------------------------------ editing by dragging
def test_dragging_an_event_moves_it_by_whole_days(qtbot: QtBot, view: TimelineView) -> None:
    start = centre(view, 1)
    per_day = view.x_of(day(2025, 2, 2)) - view.x_of(day(2025, 2, 1))
    end = start + QPoint(round(3.3 * per_day), 9)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, end)
    ghost = view.decor().ghost  # shown while dragging, with the new dates
    assert ghost is not None and ghost.key == 1 and ghost.caption == "13 – 17 Feb 2025"
    with qtbot.waitSignal(view.moveRequested) as blocker:
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    assert blocker.args == [1, day(2025, 2, 13), day(2025, 2, 17) + END_OF_DAY]
    assert view.decor().ghost is None


def test_escape_cancels_a_drag(qtbot: QtBot, view: TimelineView) -> None:
    start = centre(view, 1)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(120, 0))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.decor().ghost is None
    with qtbot.assertNotEmitted(view.moveRequested), qtbot.assertNotEmitted(
            view.selectionChanged):
        qtbot.mouseMove(view, start + QPoint(160, 0))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(160, 0))


def test_dragging_the_ends_changes_the_bounds(qtbot: QtBot, view: TimelineView) -> None:
    x0, x1, y = rect(view, 1)
    target = QPoint(round(view.x_of(day(2025, 2, 8)) + 4), round(y))
    with qtbot.waitSignal(view.boundsRequested) as blocker:
        drag(qtbot, view, QPoint(round(x0 + 2), round(y)), target)
    assert blocker.args == [1, day(2025, 2, 8), ITEMS[0].end]
    target = QPoint(round(view.x_of(day(2025, 2, 18)) - 5), round(y))
    with qtbot.waitSignal(view.boundsRequested) as blocker:
        drag(qtbot, view, QPoint(round(x1 - 2), round(y)), target)
    assert blocker.args == [1, ITEMS[0].start, day(2025, 2, 17) + END_OF_DAY]
    # An end never crosses the other: it stops at the first unit.
    with qtbot.waitSignal(view.boundsRequested) as blocker:
        drag(qtbot, view, QPoint(round(x1 - 2), round(y)), QPoint(round(x0 - 100), round(y)))
    assert blocker.args == [1, ITEMS[0].start, day(2025, 2, 10) + END_OF_DAY]


def test_snapping_follows_the_zoom(qtbot: QtBot, view: TimelineView) -> None:
    view.zoom_to(day(2024, 6, 1), day(2026, 6, 1))  # two years: months
    per_month = view.x_of(day(2025, 3, 1)) - view.x_of(day(2025, 2, 1))
    start = centre(view, 1)
    with qtbot.waitSignal(view.moveRequested) as blocker:
        drag(qtbot, view, start, start + QPoint(round(2.2 * per_month), 0))
    assert blocker.args == [1, day(2025, 4, 10), day(2025, 4, 14) + END_OF_DAY]
    view.zoom_to(day(2025, 2, 5), day(2025, 2, 6))  # one day: hours
    per_hour = view.x_of(datetime(2025, 2, 5, 1)) - view.x_of(day(2025, 2, 5))
    start = centre(view, 5)
    with qtbot.waitSignal(view.moveRequested) as blocker:
        drag(qtbot, view, start, start + QPoint(round(-2.4 * per_hour), 0))
    moved = datetime(2025, 2, 5, 7, 30)
    assert blocker.args == [5, moved, moved]


def test_dragging_empty_space_pans(qtbot: QtBot, view: TimelineView) -> None:
    first, _ = view.visible_range()
    spot = empty_spot(view)
    per_day = view.x_of(day(2025, 2, 2)) - view.x_of(day(2025, 2, 1))
    with qtbot.assertNotEmitted(view.selectionChanged):
        drag(qtbot, view, spot, spot - QPoint(round(2 * per_day), 0))
    assert view.visible_range()[0] - first == pytest.approx(timedelta(days=2),
                                                           abs=timedelta(hours=1))


# ------------------------------------------------------------ drops
def drop(view: TimelineView, point: QPoint, payload: bytes, mime: str = CLAIMS_MIME) -> bool:
    """Drag `payload` in and drop it at `point`; whether the view took the drop."""
    data = QMimeData()  # (kept alive here: the events do not own it)
    data.setData(mime, payload)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, buttons, modifiers)
    QApplication.sendEvent(view, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, buttons, modifiers)
    QApplication.sendEvent(view, event)
    return event.isAccepted()


def test_claims_dropped_on_an_event_or_on_empty_space(qtbot: QtBot, view: TimelineView) -> None:
    view.claims_project = lambda: "/projects/Korea.claimline"
    with qtbot.waitSignal(view.claimsDropped) as blocker:
        assert drop(view, centre(view, 4), encode_claims([8, 7, 8], "/projects/Korea.claimline"))
    assert blocker.args == [4, [7, 8]]
    with qtbot.waitSignal(view.claimsDropped) as blocker:
        assert drop(view, empty_spot(view),
                    json.dumps({"project": "/projects/Korea.claimline", "claims": [3]}).encode())
    assert blocker.args == [-1, [3]]
    with qtbot.assertNotEmitted(view.claimsDropped):
        assert not drop(view, centre(view, 4), b"not json")
        assert not drop(view, centre(view, 4), b"[1]")  # ids without their project
        assert not drop(view, centre(view, 4), encode_claims([1], "/projects/Korea.claimline"),
                        mime="text/plain")
    assert decode_claims(b'{"project": null, "claims": [1, "2"]}') is None
    assert decode_claims(b'{"project": null, "claims": [true]}') is None
    assert decode_claims(b'{"project": 3, "claims": [1]}') is None
    assert decode_claims(b"{}") is None and decode_claims(b"[1]") is None
    assert decode_claims(encode_claims([], None)) == DraggedClaims(None, [])


def test_claims_of_another_project_are_refused(qtbot: QtBot, view: TimelineView) -> None:
    view.claims_project = lambda: "/projects/Korea.claimline"
    for other in ("/elsewhere/Korea.claimline", None):
        with qtbot.assertNotEmitted(view.claimsDropped), \
                qtbot.waitSignal(view.otherProjectDropped) as blocker:
            assert not drop(view, centre(view, 4), encode_claims([7], other))
        assert blocker.args == [other]
        with qtbot.assertNotEmitted(view.claimsDropped), \
                qtbot.waitSignal(view.otherProjectDropped):
            assert not drop(view, empty_spot(view), encode_claims([7], other))


# ------------------------------------------------------------ changes and scale
def test_update_and_remove_items(view: TimelineView) -> None:
    old = rect(view, 1)
    moved = TimelineItem(1, "Strike on the grid, renamed", day(2025, 2, 12),
                         day(2025, 2, 16) + END_OF_DAY, False, LANES[:1])
    view.set_selected([1, 2])
    view.update_items([moved])
    assert "renamed" in view.tooltip_at(centre(view, 1))
    assert rect(view, 1)[0] == pytest.approx(old[0] + 2 * (view.x_of(day(2025, 2, 2))
                                                           - view.x_of(day(2025, 2, 1))))
    view.remove_items([1])
    assert view.mark_rects(1) == []
    assert view.selected() == [2]
    view.update_items([TimelineItem(9, "New", day(2025, 2, 26), day(2025, 2, 26), False,
                                    LANES[1:2])])
    assert len(view.mark_rects(9)) == 1
    view.set_items([], LANES)  # everything filtered away
    assert view.frame().bands and not any(b.marks for b in view.frame().bands)
    view.grab()  # and it still paints (an empty hint)


def test_highlighted_events_are_ringed(view: TimelineView) -> None:
    view.set_highlighted([2, 4])
    assert view.decor().highlighted == {2, 4}
    assert view.highlighted() == [2, 4]
    assert not view.grab().isNull()


def test_many_events_become_density_and_back(qtbot: QtBot) -> None:
    rng = random.Random(3)
    start = datetime(1995, 1, 1)
    lanes = tuple(f"Outlet {c}" for c in "ABCDEFGH")
    items = []
    for key in range(100_000):
        begin = start + timedelta(days=rng.randrange(30 * 365))
        items.append(TimelineItem(key, f"Event {key}", begin, begin + END_OF_DAY, False,
                                  (rng.choice(lanes),)))
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.set_items(items, lanes)
    frame = widget.frame()
    assert len(frame.bands) == 8 and all(b.density is not None for b in frame.bands)
    assert sum(int(b.density.counts.sum()) for b in frame.bands if b.density) >= 100_000
    band = frame.bands[0]
    hit = widget.hit_at(QPointF(600, band.top + band.height / 2))
    assert hit is not None and hit.part == "density" and hit.count > 0
    assert "events" in widget.tooltip_at(QPointF(600, band.top + band.height / 2))
    assert not widget.grab().isNull()
    # A selected event stays visible over the density strip, and can be clicked.
    chosen = next(i for i in items if i.lanes == (lanes[0],))
    widget.set_selected([chosen.key])
    (mark,) = widget.mark_rects(chosen.key)
    assert widget.key_at(mark.center()) == chosen.key
    # Zoomed in far enough, events are drawn one by one again.
    widget.zoom_to(datetime(2010, 3, 1), datetime(2010, 3, 4))
    assert any(b.density is None and b.marks for b in widget.frame().bands)


def test_a_fitted_view_stays_fitted_when_resized(qtbot: QtBot) -> None:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    widget.set_items(ITEMS, LANES)
    widget.resize(1400, 400)  # still showing everything, now wider
    first, last = widget.visible_range()
    assert first <= day(2025, 2, 1) and last >= day(2025, 2, 25)
    assert widget.x_of(day(2025, 2, 25)) > 900
    widget.zoom_to(day(2025, 2, 10), day(2025, 2, 20))
    widget.resize(1000, 400)  # where the researcher looked stays put
    assert widget.visible_range()[0] == day(2025, 2, 10)


def test_events_with_no_row_left_overflow_but_stay_clickable(qtbot: QtBot) -> None:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    crowd = [TimelineItem(k, f"Overlapping {k}", day(2025, 3, 1), day(2025, 3, 20), False,
                          LANES[:1]) for k in range(12)]
    widget.set_items(crowd, LANES[:1])
    widget.zoom_to(day(2025, 2, 20), day(2025, 3, 30))
    band = widget.frame().bands[0]
    assert band.density is None
    assert len(band.marks) == len(band.by_row) and band.overflow  # one per row, the rest below
    spill = band.overflow[-1]  # (they coincide: the last drawn is on top)
    hit = widget.hit_at(QPointF((spill.x0 + spill.x1) / 2, spill.y))
    assert hit is not None and hit.key == spill.key

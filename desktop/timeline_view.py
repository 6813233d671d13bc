"""The editable timeline: events in lanes along a time axis, for 10 or 100,000 of them.

A plain widget with its own transform (timeline_canvas), not a QGraphicsScene:
a scene's one object per event costs seconds to build and paint at this
scale. Each frame holds only the events in view, or a density strip per lane
where they would not fit (timeline_frame), drawn in batches (timeline_painter);
clicks, hover and drags are tested against that same frame.

The view knows no database: the window hands it `TimelineItem`s and turns its
signals into undoable edits. Moves and new bounds are reported on release,
snapped to the unit that suits the zoom (`snap_unit`: hours, days, months,
years); Esc cancels a drag. Keys: + and - zoom, arrows pan (Shift: further),
Up/Down and Page Up/Down scroll the lanes, F or Home fits all, T goes to today,
Enter edits the selected event. The wheel zooms around the pointer (Shift:
scrolls the lanes); dragging empty space pans.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from desktop.claim_drag import CLAIMS_MIME, ProjectOfClaims, dragged_claims
from desktop.object_names import named
from desktop.timeline_axis import describe_range, from_seconds, snap_unit, to_seconds
from desktop.timeline_canvas import TimelineCanvas
from desktop.timeline_frame import AXIS_HEIGHT, Hit
from desktop.timeline_items import TimelineItem
from desktop.timeline_painter import Ghost

WHEEL_STEP = 1.25  # zoom factor per wheel notch and per +/- key
_CTRL, _SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
_EDITS = ("move", "start", "end")


@dataclass
class _Press:
    """The left button held down: where, on what, and what it has become."""

    pos: QPointF
    hit: Hit | None
    origin: float
    scroll: float
    mode: str = ""  # "" (not a drag yet), "pan", "move", "start", "end", "cancelled"
    new: tuple[datetime, datetime] | None = None  # a dragged event's snapped bounds


class TimelineView(TimelineCanvas):
    """Events (`TimelineItem`) in lanes along a zoomable, draggable time axis.

    Signals: `selectionChanged(list[int])` when a click changes the selection;
    `editRequested(key)` on double-click (or Enter); `contextMenuRequested(key,
    global QPoint)`, key -1 on empty space; `moveRequested(key, start, end)`
    and `boundsRequested(key, start, end)` when a drag of an event's body or
    of one of its ends is let go; `claimsDropped(key, claim_ids)` when claims
    are dropped on an event (key -1: on empty space). Claims dragged from
    another project than `claims_project` names (their ids mean other claims
    here) are refused: the drop is ignored and `otherProjectDropped(project)`
    names theirs (a `project_key`, or None if their drag named none).
    """

    selectionChanged = Signal(list)
    editRequested = Signal(int)
    contextMenuRequested = Signal(int, QPoint)
    moveRequested = Signal(int, object, object)
    boundsRequested = Signal(int, object, object)
    claimsDropped = Signal(int, list)
    otherProjectDropped = Signal(object)  # str | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "timelineView")
        self.setAccessibleName("Timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        # The project whose events are shown: only its claims can be dropped.
        self.claims_project: ProjectOfClaims | None = None
        self._press: _Press | None = None
        self._shown_once = False
        self._menu_asked = False  # by a right press, which Qt may follow with a menu event

    # ------------------------------------------------------------ items
    def set_items(self, items: Sequence[TimelineItem], lanes: Sequence[str]) -> None:
        """Show `items` in `lanes` (in display order; their titles are the keys).

        The first items shown are fitted into view; later calls (filters) keep the view.
        """
        self.index.set_items(items, lanes)
        self._builder.forget()
        self._gutter = self._gutter_width()
        self._after_change()
        if not self._shown_once and self.index.extent() is not None:
            self._shown_once = True
            self.fit_all()

    def update_items(self, items: Iterable[TimelineItem]) -> None:
        """Replace (or add) some items by key."""
        items = list(items)
        self._builder.forget(self.index.update(items))
        self._after_change()

    def remove_items(self, keys: Iterable[int]) -> None:
        keys = list(keys)
        self._builder.forget(self.index.remove(keys))
        self._after_change()

    def set_selected(self, keys: Iterable[int]) -> None:
        """Select `keys` (not signalled: the caller knows)."""
        self._selected = set(keys) & self.index.items.keys()
        self._invalidate()

    def selected(self) -> list[int]:
        return sorted(self._selected)

    def set_highlighted(self, keys: Iterable[int]) -> None:
        """Ring `keys`, e.g. the events of the claim selected elsewhere."""
        self._highlighted = set(keys)
        self._invalidate()

    def highlighted(self) -> list[int]:
        return sorted(self._highlighted)

    def _after_change(self) -> None:
        """Items came or went: forget the selection, hover or drag of those gone (unsignalled)."""
        self._selected &= self.index.items.keys()
        if self._hover not in self.index.items:
            self._hover = None
        press = self._press
        if press and press.hit and press.hit.key >= 0 and press.hit.key not in self.index.items:
            press.mode, press.new = "cancelled", None
        self._invalidate()

    # ------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._menu_asked = False
        if event.button() == Qt.MouseButton.RightButton:  # the menu on press, on every platform
            self._menu_asked = True
            self._ask_for_menu(event.position(), event.globalPosition().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        self._press = _Press(pos, self.hit_at(pos), self._origin, self._scroll)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos, press = event.position(), self._press
        if press is None:
            self._hover_at(pos)
            return
        if not press.mode:
            if (pos - press.pos).manhattanLength() < QApplication.startDragDistance():
                return
            part = press.hit.part if press.hit and press.hit.key >= 0 else "pan"
            press.mode = "move" if part in ("body", "label") else part
            self.setCursor(Qt.CursorShape.SizeHorCursor if press.mode in ("start", "end")
                           else Qt.CursorShape.ClosedHandCursor)
            if press.mode in _EDITS:
                self._invalidate()  # the event fades where it was
        if press.mode == "pan":
            self._view(press.origin - (pos.x() - press.pos.x()) * self._spp, self._spp)
            self._set_scroll(press.scroll - (pos.y() - press.pos.y()))
        elif press.mode in _EDITS:
            press.new = self._dragged_to(press, pos.x())
            self.update()

    def _dragged_to(self, press: _Press, x: float) -> tuple[datetime, datetime] | None:
        """The snapped (start, end) of the event being dragged, the pointer at `x`.

        A move shifts both ends by whole units (calendar months stay months, a
        month's last instant stays its month's last); a handle snaps its end to
        the nearest unit boundary, never past the other end.
        """
        item = self.index.items.get(press.hit.key) if press.hit else None
        if item is None:
            return None
        unit = snap_unit(self.scale)
        at = self.moment_at(x)
        try:
            if press.mode == "move":
                steps = unit.count_between(self.moment_at(press.pos.x()), at)
                return unit.shift(item.start, steps), unit.shift(item.end, steps, end=True)
            edge = unit.nearest(at)
            if press.mode == "start":
                return min(edge, unit.floor(item.end)), item.end
            end = edge - timedelta(seconds=1)
            if end < item.start:
                end = unit.shift(unit.floor(item.start)) - timedelta(seconds=1)
            return item.start, end
        except OverflowError:
            return None

    def _ghost(self) -> Ghost | None:
        press = self._press
        if press is None or press.mode not in _EDITS or not press.new or press.hit is None:
            return None
        start, end = press.new
        caption = describe_range(start, end, snap_unit(self.scale))
        end_s = to_seconds(end) + (1.0 if end > start else 0.0)
        return Ghost(press.hit.key, to_seconds(start), end_s, caption)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self.unsetCursor()
        if press.mode in _EDITS:
            self._invalidate()
            item = self.index.items.get(press.hit.key) if press.hit else None
            if item is not None and press.new and press.new != (item.start, item.end):
                signal = self.moveRequested if press.mode == "move" else self.boundsRequested
                signal.emit(item.key, *press.new)
        elif not press.mode:
            self._click(press.hit, event.modifiers())
        self._hover_at(event.position())

    def _click(self, hit: Hit | None, modifiers: Qt.KeyboardModifier) -> None:
        key = hit.key if hit is not None else -1
        selected = set(self._selected)
        if key < 0:
            if not modifiers & (_CTRL | _SHIFT):
                selected.clear()
        elif modifiers & _CTRL:
            selected ^= {key}
        elif modifiers & _SHIFT:
            selected.add(key)
        else:
            selected = {key}
        if selected != self._selected:
            self._selected = selected
            self._invalidate()
            self.selectionChanged.emit(sorted(selected))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._press = None
        hit = self.hit_at(event.position())
        if hit is not None and hit.key >= 0:
            self.editRequested.emit(hit.key)
        elif hit is not None and hit.part == "density":
            self.zoom(4.0, event.position().x())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The menu key (a right click was answered on press; Qt may follow it with this)."""
        if event.reason() == QContextMenuEvent.Reason.Mouse and self._menu_asked:
            self._menu_asked = False
            return
        self._ask_for_menu(QPointF(event.pos()), event.globalPos())

    def _ask_for_menu(self, pos: QPointF, global_pos: QPoint) -> None:
        hit = self.hit_at(pos)
        key = hit.key if hit is not None else -1
        if key >= 0 and key not in self._selected:
            self._click(hit, Qt.KeyboardModifier.NoModifier)
        self.contextMenuRequested.emit(key, global_pos)

    def _hover_at(self, pos: QPointF) -> None:
        hit = self.hit_at(pos)
        key = hit.key if hit is not None and hit.key >= 0 else None
        if hit is not None and hit.part in ("start", "end"):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        elif key is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        if key != self._hover:
            self._hover = key
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & _SHIFT:
            self.scroll_lanes(-(delta.y() or delta.x()) / 2)
        elif abs(delta.x()) > abs(delta.y()):
            self.pan(-delta.x() / 2)
        elif delta.y():
            self.zoom(WHEEL_STEP ** (delta.y() / 120), event.position().x())
        event.accept()

    # ------------------------------------------------------------ keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, step = event.key(), (0.5 if event.modifiers() & _SHIFT else 0.125)
        keys = Qt.Key
        if key == keys.Key_Escape and self._press is not None and self._press.mode:
            self._press.mode, self._press.new = "cancelled", None
            self.unsetCursor()
            self._invalidate()
        elif key in (keys.Key_Plus, keys.Key_Equal):
            self.zoom(WHEEL_STEP)
        elif key == keys.Key_Minus:
            self.zoom(1 / WHEEL_STEP)
        elif key in (keys.Key_Left, keys.Key_Right):
            self.pan((1 if key == keys.Key_Right else -1) * step * self.plot_width())
        elif key in (keys.Key_Up, keys.Key_Down):
            self.scroll_lanes(40 if key == keys.Key_Down else -40)
        elif key in (keys.Key_PageUp, keys.Key_PageDown):
            page = self.height() - AXIS_HEIGHT
            self.scroll_lanes(page if key == keys.Key_PageDown else -page)
        elif key in (keys.Key_F, keys.Key_Home):
            self.fit_all()
        elif key == keys.Key_T:
            self.jump_to(datetime.now())
        elif key in (keys.Key_Return, keys.Key_Enter) and len(self._selected) == 1:
            self.editRequested.emit(next(iter(self._selected)))
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------ tooltips and drops
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPoint | QPointF) -> str:
        """The hover text at `point`: an event's title, date, claims and tags; or a count."""
        hit = self.hit_at(point)
        if hit is None:
            return ""
        unit = snap_unit(self.scale)
        if hit.part == "density" and hit.span is not None:
            low, high = from_seconds(hit.span[0]), from_seconds(hit.span[1] - 1)
            return (f"<b>{hit.count:,} event{'s' * (hit.count != 1)}</b> · "
                    f"{describe_range(low, high, unit)}<br><i>Double-click to zoom in</i>")
        item = self.index.items.get(hit.key)
        return tooltip(item, describe_range(item.start, item.end, unit)) if item else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CLAIMS_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(CLAIMS_MIME):
            event.acceptProposedAction()
            self._hover_at(event.position())

    def dropEvent(self, event: QDropEvent) -> None:
        claims = dragged_claims(event.mimeData())
        if claims is None:
            event.ignore()
            return
        own = self.claims_project() if self.claims_project is not None else None
        if claims.project != own:
            event.ignore()
            self.otherProjectDropped.emit(claims.project)
            return
        event.acceptProposedAction()
        self.claimsDropped.emit(self.key_at(event.position()), claims.ids)


def tooltip(item: TimelineItem, when: str) -> str:
    """An event's hover text: title, date as written (else `when`), claims, conflict, tags."""
    lines = [f"<b>{html.escape(item.title)}</b>",
             html.escape(item.date_text or when) + (" <i>(approximate)</i>" * item.vague),
             f"{item.claims} linked claim{'s' * (item.claims != 1)}"]
    if item.conflict:
        lines.append('<span style="color:#c62828">⚠ The linked claims disagree</span>')
    if item.tags:
        lines.append("Tags: " + html.escape(", ".join(item.tags)))
    if len(item.lanes) > 1:
        lines.append("In: " + html.escape(", ".join(item.lanes)))
    return "<br>".join(lines)

"""The claims table model: what each column shows, how it sorts, and row-by-row refreshes."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.claim_table_model import (
    ARTICLE,
    CLAIMANT,
    LABELS,
    QUOTE,
    STATUS,
    ClaimIdRole,
    ClaimSortProxy,
    ClaimTableModel,
    LabelChipsRole,
)
from storage.records import ClaimListing, ClaimRecord

WHEN = dt.datetime(2025, 3, 17, 9, 0)


def listing(
    claim_id: int,
    quote: str,
    *,
    article_id: int = 1,
    start: int = 0,
    claimant: str | None = None,
    status: str = "open",
    labels: tuple[tuple[int, str], ...] = (),
    title: str = "Harbour reopens",
    outlet: str | None = "Coast Daily",
    note: str = "",
) -> ClaimListing:
    claim = ClaimRecord(
        id=claim_id, uid=f"c{claim_id}", article_id=article_id, start=start,
        end=start + len(quote), quote=quote, claimant=claimant, certainty=None, status=status,
        note=note, label_ids=tuple(i for i, _ in labels), from_suggestion_id=None,
        created_at=WHEN,
    )  # fmt: skip
    return ClaimListing(claim, title, outlet, tuple(name for _, name in labels))


LISTINGS = [
    listing(1, "40 ships were\nwaiting", start=50, claimant="Mayor Lind",
            labels=((1, "Figure"), (2, "Event")), note="port log says 38"),
    listing(2, "The harbour reopened", start=0, status="reviewed"),
    listing(3, "300 jobs are at risk", article_id=2, start=10, claimant="Unions",
            status="flagged", title="Mine to close", outlet=None, labels=((1, "Figure"),)),
    listing(4, "Repairs cost 3 million", start=90, claimant="Mayor Lind"),
]  # fmt: skip


def column(model: ClaimTableModel | ClaimSortProxy, col: int, role: int = 0) -> list[object]:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def test_model_and_proxy_pass_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = ClaimTableModel()
    model.set_label_colours({1: "#c0392b", 2: "#2e86c1"})
    model.set_records(LISTINGS)
    qtmodeltester.check(model)
    proxy = ClaimSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(CLAIMANT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_columns_show_one_line_quotes_names_and_label_chips() -> None:
    model = ClaimTableModel()
    model.set_label_colours({1: "#c0392b"})
    model.set_records(LISTINGS)
    first = [model.index(0, col).data() for col in range(model.columnCount())]
    assert first == [
        "40 ships were waiting", "Mayor Lind", "Figure, Event", "open", "Harbour reopens",
        "Coast Daily",
    ]  # fmt: skip
    assert model.index(0, LABELS).data(LabelChipsRole) == (
        ("Figure", "#c0392b"),
        ("Event", "#888888"),  # a colour not known (yet) is grey, never an error
    )
    assert "Note: port log says 38" in model.index(0, QUOTE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, STATUS).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(3, STATUS).data(Qt.ItemDataRole.ForegroundRole) is None
    assert column(model, 0, ClaimIdRole) == [1, 2, 3, 4]


def test_sorting_keeps_reading_order_within_equal_values() -> None:
    model = ClaimTableModel()
    model.set_records(LISTINGS)
    proxy = ClaimSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(CLAIMANT, Qt.SortOrder.AscendingOrder)
    assert column(proxy, 0, ClaimIdRole) == [2, 1, 4, 3]  # no claimant, Mayor Lind ×2, Unions
    proxy.sort(ARTICLE, Qt.SortOrder.AscendingOrder)
    assert column(proxy, 0, ClaimIdRole) == [2, 1, 4, 3]
    proxy.sort(QUOTE, Qt.SortOrder.DescendingOrder)
    assert column(proxy, QUOTE)[0] == "The harbour reopened"


def test_a_fresh_answer_is_applied_row_by_row(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = ClaimTableModel()
    model.set_records(LISTINGS)
    qtmodeltester.check(model, force_py=True)  # keeps watching every change below
    kept = QPersistentModelIndex(model.index(3, QUOTE))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    edited = dataclasses.replace(
        LISTINGS[3], claim=dataclasses.replace(LISTINGS[3].claim, status="reviewed")
    )
    new = listing(5, "Storms closed it", start=20)
    with qtbot.waitSignal(model.dataChanged):
        model.set_records([LISTINGS[0], new, LISTINGS[2], edited])
    assert column(model, 0, ClaimIdRole) == [1, 5, 3, 4]
    assert column(model, STATUS)[3] == "reviewed"
    assert kept.isValid() and kept.data(ClaimIdRole) == 4
    assert not resets
    model.set_records([])
    assert model.rowCount() == 0 and not kept.isValid()


def test_rows_that_changed_order_are_shown_in_the_new_order() -> None:
    model = ClaimTableModel()
    model.set_records(LISTINGS)
    model.set_records(list(reversed(LISTINGS)))
    assert column(model, 0, ClaimIdRole) == [4, 3, 2, 1]
    assert model.row_of(3) == 1 and model.row_of(99) is None
    assert model.listing(QModelIndex()) is None

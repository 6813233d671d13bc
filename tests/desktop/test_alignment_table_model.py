"""The alignments table: what each column says, filters, sorting, refreshes; the summary."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.modeltest import ModelTester

from desktop.alignment_relations import (
    describe_differences,
    reading_order,
    sides_of,
    summarise,
)
from desktop.alignment_table_model import (
    A_TEXT,
    B_TEXT,
    DIFFERENCES,
    RELATION,
    SCORE,
    STATUS,
    AlignmentFilterProxy,
    AlignmentIdRole,
    AlignmentTableModel,
)
from storage.records import AlignmentRecord, DifferenceRecord

WHEN = dt.datetime(2025, 3, 17, 9, 0)


def record(key: int, relation: str, a: tuple[int, int] | None, b: tuple[int, int] | None,
           a_text: str = "", b_text: str = "", *, status: str = "proposed",
           differences: tuple[DifferenceRecord, ...] = (), score: float | None = 0.8,
           claims: tuple[int | None, int | None] = (None, None)) -> AlignmentRecord:
    return AlignmentRecord(
        id=key, article_a_id=1, article_b_id=2,
        a_start=a[0] if a else None, a_end=a[1] if a else None,
        b_start=b[0] if b else None, b_end=b[1] if b else None,
        a_text=a_text, b_text=b_text, claim_a_id=claims[0], claim_b_id=claims[1],
        relation=relation, differences=differences, score=score, reason=f"reason {key}",
        status=status, aligner="test", created_at=WHEN,
        decided_at=None if status == "proposed" else WHEN,
    )  # fmt: skip


SHIPS = (DifferenceRecord("number", "3,000", "4,000"),
         DifferenceRecord("certainty", "about", "more than", "stronger"))
RECORDS = [
    record(1, "same", (0, 10), (0, 12), "The harbour\nreopened", "The harbour opened"),
    record(2, "conflicting", (11, 30), (40, 60), "about 3,000 ships", "more than 4,000 ships",
           differences=SHIPS, score=0.62),
    record(3, "added", None, (13, 39), b_text="Tourism will recover.", score=0.9),
    record(4, "dropped", (31, 50), None, a_text="The mayor thanked the crews.", score=None,
           status="rejected"),
    record(5, "reworded", (51, 70), (61, 80), "Repairs cost 3m", "Repairs will cost 3m",
           status="confirmed", score=0.7),
    record(6, "conflicting", None, None, claims=(7, 8), score=0.5),
]


def texts(model: AlignmentTableModel | AlignmentFilterProxy, column: int,
          role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def ids(model: AlignmentTableModel | AlignmentFilterProxy) -> list[object]:
    return texts(model, RELATION, AlignmentIdRole)


def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = AlignmentTableModel()
    model.set_alignments(RECORDS, {7: "3,000 ships", 8: "4,000 ships"})
    qtmodeltester.check(model)
    proxy = AlignmentFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_columns_say_relation_sides_differences_score_and_status() -> None:
    model = AlignmentTableModel()
    model.set_alignments(RECORDS, {7: "3,000 ships", 8: "4,000 ships"})
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Relation", "A", "B", "Differences", "Score", "Status"]
    assert texts(model, RELATION) == ["Same", "Conflicting", "Added", "Dropped", "Reworded",
                                      "Conflicting · claims"]
    assert texts(model, A_TEXT) == ["The harbour reopened", "about 3,000 ships", "—",
                                    "The mayor thanked the crews.", "Repairs cost 3m",
                                    "3,000 ships"]
    assert texts(model, B_TEXT)[2:4] == ["Tourism will recover.", "—"]
    assert texts(model, DIFFERENCES)[1] == "number: 3,000 → 4,000; certainty: about → more than"
    assert texts(model, SCORE)[:4] == ["0.80", "0.62", "0.90", ""]
    assert texts(model, STATUS)[3:5] == ["✗ rejected", "✓ confirmed"]
    assert ids(model) == [1, 2, 3, 4, 5, 6]
    assert "stronger" in str(model.index(1, DIFFERENCES).data(Qt.ItemDataRole.ToolTipRole))


def test_conflicting_rows_are_marked() -> None:
    model = AlignmentTableModel()
    model.set_alignments(RECORDS)
    backgrounds = texts(model, A_TEXT, Qt.ItemDataRole.BackgroundRole)
    assert [isinstance(b, QColor) for b in backgrounds] == [
        False, True, False, False, False, True]
    font = model.index(1, RELATION).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    swatch = model.index(1, RELATION).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QColor) and swatch.red() > swatch.blue()


def test_filters_by_level_and_relation() -> None:
    model = AlignmentTableModel()
    model.set_alignments(RECORDS)
    proxy = AlignmentFilterProxy()
    proxy.setSourceModel(model)
    assert ids(proxy) == [1, 2, 3, 4, 5]  # sentences by default
    proxy.set_relation("conflicting")
    assert ids(proxy) == [2]
    proxy.set_level(None)
    assert ids(proxy) == [2, 6]
    proxy.set_level("claim")
    assert ids(proxy) == [6]
    proxy.set_relation(None)
    proxy.set_level("sentence")
    proxy.set_relation("added")
    assert ids(proxy) == [3]


def test_sorting_by_score_and_back_to_reading_order() -> None:
    model = AlignmentTableModel()
    model.set_alignments(RECORDS[:5])
    proxy = AlignmentFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(SCORE, Qt.SortOrder.DescendingOrder)
    assert ids(proxy) == [3, 1, 5, 2, 4]
    proxy.sort(DIFFERENCES, Qt.SortOrder.AscendingOrder)
    assert ids(proxy)[0] == 2  # the most differences first
    proxy.sort(-1)
    assert ids(proxy) == [1, 2, 3, 4, 5]


def test_a_verdict_updates_its_row_in_place(qtmodeltester: ModelTester) -> None:
    model = AlignmentTableModel()
    model.set_alignments(RECORDS)
    qtmodeltester.check(model, force_py=True)
    kept = QPersistentModelIndex(model.index(1, 0))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    decided = dataclasses.replace(RECORDS[1], status="confirmed", relation="partial")
    model.set_alignments([RECORDS[0], decided, *RECORDS[2:]])
    assert changed == [1] and not resets
    assert kept.isValid() and kept.row() == 1
    assert model.index(1, RELATION).data() == "Partial"
    model.set_alignments([r for r in RECORDS if r.id != 3])
    assert model.rowCount() == 5 and model.row_of(3) is None
    assert model.alignment(QModelIndex()) is None


def test_summary_counts_passages_by_relation() -> None:
    assert summarise([]) == "Not compared yet"
    assert summarise(RECORDS) == (
        "5 passages: 2 same or reworded, 1 conflicting, 1 added, 1 dropped"
        " · 1 claim pair · 2 reviewed")
    assert describe_differences(()) == ""
    assert describe_differences((DifferenceRecord("date", "", "on Monday"),)) == (
        "date: — → on Monday")


def test_reading_order_puts_additions_where_they_fall_in_b() -> None:
    shuffled = [RECORDS[5], RECORDS[4], RECORDS[2], RECORDS[3], RECORDS[1], RECORDS[0]]
    # A's order: 1, 2, 4 (dropped), 5; the addition (B 13–39) comes before 2 (B 40–60).
    assert [r.id for r in reading_order(shuffled)] == [1, 3, 2, 4, 5, 6]


def test_a_claim_pair_takes_its_claims_ranges() -> None:
    sides = sides_of(RECORDS[5], {7: (3, 9), 8: (20, 31)})
    assert (sides.a, sides.b) == ((3, 9), (20, 31))
    assert sides_of(RECORDS[2], {}).a is None

"""The legend switches layers, changes their colours and remembers both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.app_settings import app_settings
from desktop.highlight_layers import LAYERS, HighlightSpan
from desktop.layer_legend import LayerLegend, settings_key
from desktop.reader_view import ArticleReader
from storage.records import ArticleDetail, ArticleMetadata, ArticleSummary

TEXT = "Cho Tae-yul told Kyiv on Monday that Seoul would take 3,000 prisoners."
ENTITIES = [lay.name for lay in LAYERS if lay.is_entity]


class Picker:
    """Stands in for the colour dialog: answers with `answer`, remembers what it was asked."""

    def __init__(self, answer: QColor | None) -> None:
        self.answer, self.asked = answer, []

    def __call__(self, current: QColor, title: str, parent: QWidget) -> QColor | None:
        self.asked.append((current.name(), title))
        return self.answer


def article(text: str) -> ArticleDetail:
    summary = ArticleSummary(
        id=1, uid="u1", metadata=ArticleMetadata(title="T"), char_count=len(text),
        word_count=len(text.split()), origin="test", source_format="txt",
        imported_at=dt.datetime(2025, 3, 17))
    return ArticleDetail(summary=summary, text=text, import_notes=(), extra={}, relations=())


def make_reader(qtbot: QtBot) -> ArticleReader:
    reader = ArticleReader()
    qtbot.addWidget(reader)
    reader.show_article(article(TEXT))
    reader.set_spans([
        HighlightSpan(0, 11, "entity:person", 1), HighlightSpan(17, 21, "entity:place", 2),
        HighlightSpan(25, 31, "timex", 3), HighlightSpan(0, 31, "claim", 4),
    ])
    reader.highlighter.flush()
    return reader


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "claimline.ini"), QSettings.Format.IniFormat)


def make_legend(qtbot: QtBot, reader: ArticleReader, settings: QSettings | None,
                picker: Picker | None = None) -> LayerLegend:
    legend = LayerLegend(reader, settings, picker)
    qtbot.addWidget(legend)
    legend.show()
    qtbot.waitExposed(legend)
    return legend


def underline_colours(reader: ArticleReader) -> set[str]:
    block = reader.text.document().firstBlock()
    return {
        r.format.underlineColor().name() for r in block.layout().formats()
        if r.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    }


def test_a_check_box_shows_and_hides_its_layer(
        qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = make_reader(qtbot)
    legend = make_legend(qtbot, reader, settings)
    calls: list[tuple[str, bool]] = []
    original = reader.set_layer_visible

    def spy(layer: str, visible: bool) -> None:
        calls.append((layer, visible))
        original(layer, visible)

    monkeypatch.setattr(reader, "set_layer_visible", spy)
    claims = legend.checks["claim"]
    assert claims.isChecked() and legend.counts["claim"].text() == "1"
    qtbot.mouseClick(claims, Qt.MouseButton.LeftButton)
    assert calls == [("claim", False)] and not reader.layer_visible("claim")
    assert settings.value(settings_key("claim", "visible")) in (False, "false")
    qtbot.mouseClick(claims, Qt.MouseButton.LeftButton)
    assert calls[-1] == ("claim", True) and reader.layer_visible("claim")


def test_the_entities_switch_toggles_every_entity_type(qtbot: QtBot, settings: QSettings) -> None:
    reader = make_reader(qtbot)
    legend = make_legend(qtbot, reader, settings)
    everything = legend.checks["entity"]
    qtbot.mouseClick(everything, Qt.MouseButton.LeftButton)
    assert not any(reader.layer_visible(name) for name in ENTITIES)
    assert everything.checkState() == Qt.CheckState.Unchecked
    reader.highlighter.flush()
    assert underline_colours(reader) == {QColor(LAYERS[2].colour).name()}  # the date is left
    qtbot.mouseClick(legend.checks["entity:place"], Qt.MouseButton.LeftButton)
    assert everything.checkState() == Qt.CheckState.PartiallyChecked
    qtbot.mouseClick(everything, Qt.MouseButton.LeftButton)
    assert all(reader.layer_visible(name) for name in ENTITIES)
    assert everything.checkState() == Qt.CheckState.Checked
    reader.set_layer_visible("entity:person", False)  # the legend follows changes from elsewhere
    assert not legend.checks["entity:person"].isChecked()


def test_a_new_colour_repaints_the_text_and_is_remembered(
        qtbot: QtBot, settings: QSettings) -> None:
    reader = make_reader(qtbot)
    picker = Picker(QColor("#123456"))
    legend = make_legend(qtbot, reader, settings, picker)
    qtbot.mouseClick(legend.swatches["entity:person"], Qt.MouseButton.LeftButton)
    assert picker.asked == [(QColor(LAYERS[3].colour).name(), "People")]
    assert reader.layer_colour("entity:person").name() == "#123456"
    assert "#123456" in underline_colours(reader)
    assert settings.value(settings_key("entity:person", "colour")) == "#123456"
    qtbot.mouseClick(legend.checks["timex"], Qt.MouseButton.LeftButton)
    settings.sync()

    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    other = make_reader(qtbot)
    make_legend(qtbot, other, again)
    assert other.layer_colour("entity:person").name() == "#123456"
    assert not other.layer_visible("timex") and other.layer_visible("claim")
    assert "#123456" in underline_colours(other)


def test_a_cancelled_choice_changes_nothing(qtbot: QtBot, settings: QSettings) -> None:
    reader = make_reader(qtbot)
    legend = make_legend(qtbot, reader, settings, Picker(None))
    before = reader.layer_colour("claim")
    qtbot.mouseClick(legend.swatches["claim"], Qt.MouseButton.LeftButton)
    assert reader.layer_colour("claim") == before
    assert settings.value(settings_key("claim", "colour")) is None


def test_default_colours_undo_every_choice(qtbot: QtBot, settings: QSettings) -> None:
    reader = make_reader(qtbot)
    legend = make_legend(qtbot, reader, settings, Picker(QColor("#ff00ff")))
    qtbot.mouseClick(legend.swatches["claim"], Qt.MouseButton.LeftButton)
    assert reader.layer_colour("claim").name() == "#ff00ff"
    qtbot.mouseClick(legend.reset, Qt.MouseButton.LeftButton)
    assert reader.layer_colour("claim") == QColor(LAYERS[0].colour)
    assert settings.value(settings_key("claim", "colour")) is None


def test_without_settings_the_legend_uses_the_gui_settings_file(qtbot: QtBot) -> None:
    reader = make_reader(qtbot)
    legend = make_legend(qtbot, reader, None, Picker(QColor("#0a0b0c")))
    qtbot.mouseClick(legend.swatches["candidate"], Qt.MouseButton.LeftButton)
    assert app_settings().value(settings_key("candidate", "colour")) == "#0a0b0c"

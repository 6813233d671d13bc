"""Annotation settings of a project: which spaCy pipeline, and how eager the claim finder is."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.object_names import named

KNOWN_PIPELINES = (
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_trf",
    "rule-based",
)
DEFAULT_LABEL = "(default)"
EXPLANATION = (
    "English articles are read by the named spaCy pipeline; any installed pipeline package or "
    "the path of a trained pipeline works. If it cannot be loaded, Claimline says so and falls "
    "back to rules (sentences, dates, numbers, claims; no trained entities). Articles in other "
    "languages are always read with rules.\n\nClaim candidates scoring below the threshold are "
    "not proposed: lower it to see more candidates, raise it to see only the likeliest."
)


class AnnotationSettingsDialog(QDialog):
    def __init__(
        self,
        pipeline: str | None,
        threshold: float | None,
        default_threshold: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationSettings")
        self.setWindowTitle("Annotation Settings")
        self.pipeline = named(QComboBox(), "settingsPipeline")
        self.pipeline.setEditable(True)
        self.pipeline.addItems([DEFAULT_LABEL, *KNOWN_PIPELINES])
        self.pipeline.setCurrentText(pipeline or DEFAULT_LABEL)
        self.threshold = named(QDoubleSpinBox(), "settingsClaimThreshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(default_threshold if threshold is None else threshold)
        self._default_threshold = default_threshold
        explanation = QLabel(EXPLANATION)
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow("spaCy &pipeline", self.pipeline)
        form.addRow("Claim &threshold", self.threshold)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        """The settings as chosen: None where the default applies."""
        pipeline = self.pipeline.currentText().strip()
        threshold = round(self.threshold.value(), 2)
        return {
            "pipeline": None if pipeline in ("", DEFAULT_LABEL) else pipeline,
            "threshold": None if threshold == round(self._default_threshold, 2) else threshold,
        }

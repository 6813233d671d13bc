"""Language codes: reading the ones files give us, and guessing the rest from the text."""

from __future__ import annotations

import re

# ISO 639-1, the two-letter codes the rest of Claimline stores.
ISO_639_1 = frozenset(
    (
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg",
        "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv",
        "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi",
        "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr",
        "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja",
        "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw",
        "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml",
        "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
        "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro",
        "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr",
        "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr",
        "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
        "yo", "za", "zh", "zu",
    )
)  # fmt: skip

# Country codes that websites and exports often put where a language code belongs.
NON_STANDARD_CODES: dict[str, str] = {
    "ua": "uk",
    "jp": "ja",
    "cn": "zh",
    "gr": "el",
    "cz": "cs",
    "dk": "da",
    "rs": "sr",
    "vn": "vi",
    "ge": "ka",
    "kz": "kk",
    "iw": "he",
}

_TAG = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*$")
_MIN_LETTERS = 20


def language_code(value: str) -> str | None:
    """The ISO 639-1 code for a language tag such as ``"en"``, ``"uk-UA"`` or ``"UA"``.

    Returns ``None`` for anything else (``"English"``, ``"eng"``), so a wrong label never
    beats detection from the text.
    """
    match = _TAG.match(value.strip())
    if match is None:
        return None
    code = match.group(1).lower()
    code = NON_STANDARD_CODES.get(code, code)
    return code if code in ISO_639_1 else None


def detect_language(text: str) -> str | None:
    """Guess the language of ``text``; ``None`` when it is too short to tell.

    Twenty letters is roughly where the character n-gram model stops guessing wildly.
    """
    if sum(1 for char in text if char.isalpha()) < _MIN_LETTERS:
        return None
    import py3langid  # imported late: loading the model costs half a second

    code, _score = py3langid.classify(text)
    return code if isinstance(code, str) and code in ISO_639_1 else None

"""Vocabulary for recognising page furniture in article text.

Kept apart from the rules in :mod:`text_cleanup` so that extending a list (another
comment-form phrase, another byline label) never touches the logic that guards body text.
"""

from __future__ import annotations

import re

from storage.importing.language import ISO_639_1, NON_STANDARD_CODES

# Codes a language switcher may show. "kr" is ISO Kanuri, but on websites it means Korean.
SWITCHER_CODES = ISO_639_1 | NON_STANDARD_CODES.keys()

# Two-letter codes that are also everyday English words. A line made only of these
# ("it is", "so be it") is prose, not a switcher.
WORDLIKE_CODES = frozenset(
    (
        "am", "an", "as", "be", "he", "hi", "id", "is", "it", "my", "no", "or", "so", "to",
    )
)  # fmt: skip

# Separators between the entries of a language switcher: spaces, pipes, slashes, bullets.
SWITCHER_SEPARATORS = re.compile(r"[\s|/¦•·∙‧⋅◦▪]+")
SWITCHER_TOKEN = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z]{2})?$")

COUNTER_LINE = re.compile(r"^[0-9]{1,3}$")

# Opening phrases of comment forms, share bars and similar footers, lower case. A line
# counts when it starts with one of these followed by a non-letter or the line's end.
FOOTER_PHRASES = (
    "leave a reply",
    "leave a comment",
    "leave a response",
    "leave your comment",
    "your email address will not be published",
    "your email will not be published",
    "required fields are marked",
    "post comment",
    "post a comment",
    "add a comment",
    "add comment",
    "comments are closed",
    "comments closed",
    "you must be logged in to post a comment",
    "log in to comment",
    "log in to leave a comment",
    "sign in to comment",
    "cancel reply",
    "save my name, email, and website",
    "notify me of follow-up comments",
    "notify me of new posts",
    "share this:",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "click to share",
    "like this:",
    "like loading",
    "related posts",
    "related articles",
    "subscribe to our newsletter",
    "follow us on",
)
FOOTER_PHRASE = re.compile(
    r"^(?:" + "|".join(re.escape(phrase) for phrase in FOOTER_PHRASES) + r"|\d+ comments?)(?!\w)",
    re.IGNORECASE,
)
# Longest footer line we believe is boilerplate rather than a paragraph of the article.
FOOTER_LINE_MAX = 160
# Lines after a footer phrase may also be form labels and network names: "Name *",
# "Email", "Website", "Facebook", "Telegram".
FORM_LABEL_MAX_CHARS = 40
FORM_LABEL_MAX_WORDS = 5

BYLINE = re.compile(
    r"^(?P<label>written by|words by|text by|story by|posted by|reported by|reporting by"
    r"|authors?|by|автор|авторка|автори|von|par|por)"
    r"(?:\s*(?P<colon>[:：])\s*|\s+)(?P<names>\S.*)$",
    re.IGNORECASE,
)
# Separators between several authors in one byline.
AUTHOR_SEPARATORS = re.compile(r"\s*(?:[,;&]|\band\b|\bund\b|\bта\b|\bі\b|\bи\b)\s*")
# Lower-case words that are parts of names rather than prose.
NAME_PARTICLES = frozenset(
    (
        "al", "bin", "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos",
        "du", "el", "ibn", "la", "le", "st", "ten", "ter", "van", "von", "y", "zu",
    )
)  # fmt: skip
NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$")
# "By Monday, officials..." is a sentence, not a byline.
NOT_NAMES = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "the", "this", "that", "then", "now",
    )
)  # fmt: skip
MAX_NAME_TOKENS = 5
MAX_BYLINE_CHARS = 100

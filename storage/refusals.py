"""The refusal every layer above storage understands: an edit the project cannot take.

Its message is written for the researcher. It lives on its own so that the
lowest layer (storage.database) can raise it without importing the service.
"""

from __future__ import annotations


class InvalidEdit(ValueError):
    """An edit the service refuses; the message is meant for the researcher."""


class ConflictingEdit(InvalidEdit):
    """A write that contradicts what the project now holds (a record it needs was
    deleted meanwhile, or one it adds is there already): nothing of it was stored."""

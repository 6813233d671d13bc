"""The schema numbers the file header carries agree with the migrations on disk."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from storage import schema


def test_latest_schema_is_the_newest_revision() -> None:
    scripts = ScriptDirectory.from_config(schema.alembic_config())
    assert scripts.get_current_head() == schema.revision_of(schema.LATEST_SCHEMA)
    revisions = sorted(s.revision for s in scripts.walk_revisions())
    assert revisions == [schema.revision_of(n) for n in range(1, schema.LATEST_SCHEMA + 1)]
    assert all(schema.is_known_revision(r) for r in revisions)
    assert not schema.is_known_revision(schema.revision_of(schema.LATEST_SCHEMA + 1))

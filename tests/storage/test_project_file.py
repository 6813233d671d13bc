"""Opening project files: ours, foreign, damaged, newer and older ones."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage import schema
from storage.project_file import (
    CorruptProjectError,
    NewerSchemaError,
    NotAProjectError,
    ProjectFileError,
    read_header,
)
from storage.service import ProjectService


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in `folder` with a hash of its bytes: proves nothing on disk changed."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def refused(path: Path, error: type[ProjectFileError]) -> str:
    before = fingerprint(path.parent)
    with pytest.raises(error) as caught:
        ProjectService.open(path)
    assert fingerprint(path.parent) == before, "a refused file must leave the folder untouched"
    message = str(caught.value)
    assert path.name in message
    return message


def test_a_new_project_is_marked_as_ours_and_current(project: ProjectService) -> None:
    header = read_header(project.path)
    assert header.application_id == schema.APPLICATION_ID
    assert header.schema == schema.latest_schema()
    with sqlite3.connect(project.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_create_refuses_to_overwrite(project_path: Path) -> None:
    project_path.write_text("precious notes")
    with pytest.raises(FileExistsError):
        ProjectService.create(project_path)
    assert project_path.read_text() == "precious notes"


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="does not exist"):
        ProjectService.open(tmp_path / "nowhere.claimline")


def test_text_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "notes.claimline"
    path.write_text("Some notes about an article, not a project.\n" * 10)
    assert "not a database" in refused(path, NotAProjectError)


def test_empty_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.claimline"
    path.touch()
    assert "empty" in refused(path, NotAProjectError)


def test_folder_is_not_a_project(tmp_path: Path) -> None:
    folder = tmp_path / "folder.claimline"
    folder.mkdir()
    with pytest.raises(NotAProjectError, match="folder"):
        ProjectService.open(folder)


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA journal_mode = {journal}")
    connection.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)")
    connection.execute("INSERT INTO accounts (balance) VALUES (10.5)")
    connection.commit()
    connection.close()
    assert "another program" in refused(path, NotAProjectError)


def test_damaged_project_is_refused_untouched(project: ProjectService, make_parsed) -> None:
    project.add_articles([make_parsed(f"Article number {i}. " * 400) for i in range(20)])
    path = project.path
    project.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 40_000
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # scribble over every page but the first
        data[offset + 8 : offset + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))
    message = refused(path, CorruptProjectError)
    assert "damaged" in message


def test_project_from_a_newer_claimline_is_refused_untouched(project: ProjectService) -> None:
    path = project.path
    project.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA user_version = 99")
    assert "newer version of Claimline" in refused(path, NewerSchemaError)


def test_newer_schema_still_in_the_write_ahead_log_is_refused(
    project: ProjectService, tmp_path: Path
) -> None:
    """A newer Claimline crashed before folding its log into the file."""
    project.close()
    writer = sqlite3.connect(project.path)
    writer.execute("PRAGMA user_version = 99")
    writer.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{project.path}{suffix}")
        if source.exists():
            (crashed / f"project.claimline{suffix}").write_bytes(source.read_bytes())
    writer.close()
    with pytest.raises(NewerSchemaError):
        ProjectService.open(crashed / "project.claimline")


def test_unknown_revision_counts_as_newer(project: ProjectService) -> None:
    path = project.path
    project.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    assert "Update Claimline" in refused(path, NewerSchemaError)


def test_older_project_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.claimline"
    schema.upgrade(path, "0001")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO articles (uid, title, text, text_sha256, char_count, word_count, origin,"
            " source_format, import_notes, extra, imported_at) VALUES ('u1',"
            " 'Harbour reopens', 'The harbour of Tidewick reopened after the storm.', 'x', 48, 8,"
            " 'old', 'txt', '[]', '{}', '2025-01-01 00:00:00')"
        )
    assert read_header(path).schema == 1

    service = ProjectService.open(path)
    try:
        assert service.backup_made is not None
        backup = Path(service.backup_made)
        assert read_header(backup).schema == 1, "the backup keeps the old format"
        assert read_header(path).schema == schema.latest_schema()
        assert [a.title for a in service.list_articles()] == ["Harbour reopens"]
        # Schema 2 added the full-text index; the old article must be in it.
        assert service.search_articles("tidewick storm") == [1]
    finally:
        service.close()


def test_migrations_build_exactly_the_models(project: ProjectService) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from storage.models import Base

    engine = create_engine(f"sqlite:///{project.path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _parent: (
                    not (kind == "table" and name and "_fts" in name)
                ),
            },
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_ids_are_never_reused_where_the_models_say_so(project: ProjectService) -> None:
    """compare_metadata does not see AUTOINCREMENT; without it a deleted row's id comes back."""
    from storage.models import Base

    with closing(sqlite3.connect(project.path)) as connection:
        tables = dict(connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    wanted = [t.name for t in Base.metadata.sorted_tables
              if t.dialect_options["sqlite"]["autoincrement"]]
    assert "claims" in wanted
    assert [name for name in wanted if "AUTOINCREMENT" not in tables[name]] == []


def claims_found(service: ProjectService, words: str) -> list[int]:
    return sorted(h.claim_id for h in service.search(words) if h.claim_id is not None)


def test_a_schema_3_project_keeps_its_claims_and_their_search(tmp_path: Path) -> None:
    from storage.records import ClaimFields

    path = tmp_path / "three.claimline"
    schema.upgrade(path, "0003")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO articles (uid, title, text, text_sha256, char_count, word_count, origin,"
            " source_format, import_notes, extra, imported_at) VALUES ('u1', 'Flood',"
            " 'The mayor of Lowmarsh said 40 homes flooded.', 'x', 44, 8, 'old', 'txt', '[]',"
            " '{}', '2025-01-01 00:00:00')")
        for claim_id, uid in ((1, "c1"), (2, "c2")):
            connection.execute(
                'INSERT INTO claims (id, uid, article_id, start, "end", note, created_at, quote)'
                " VALUES (?, ?, 1, 0, 44, '', '2025-01-01', "
                "'The mayor of Lowmarsh said 40 homes flooded.')", (claim_id, uid))
        connection.execute("DELETE FROM claims WHERE id = 2")
    service = ProjectService.open(path)
    try:
        assert [c.id for c in service.list_claims(1)] == [1]
        assert claims_found(service, "lowmarsh") == [1]
        fresh = service.create_claim(1, ClaimFields(4, 9))
        assert fresh.id == 2, "the highest id ever used (2) was deleted before the upgrade"
        service.delete_claims([fresh.id])
        assert service.create_claim(1, ClaimFields(4, 9)).id == 3, "never reused from now on"
        assert claims_found(service, "mayor") == [1, 3]
    finally:
        service.close()


def test_foreign_keys_are_enforced(project: ProjectService) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), project._sessions.write() as session:
        session.execute(
            text(
                'INSERT INTO claims (uid, article_id, start, "end", note, created_at)'
                " VALUES ('c', 999, 0, 4, '', '2025-01-01')"
            )
        )

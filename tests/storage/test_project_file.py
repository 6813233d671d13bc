"""Opening project files: ours, foreign, damaged, newer and older ones."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from storage import project_file, schema
from storage.project_file import (
    CorruptProjectError,
    NewerSchemaError,
    NotAProjectError,
    ProjectFileError,
    check_project_file,
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

    from storage.refusals import ConflictingEdit

    with pytest.raises(ConflictingEdit) as refused, project._sessions.write() as session:
        session.execute(
            text(
                'INSERT INTO claims (uid, article_id, start, "end", note, created_at)'
                " VALUES ('c', 999, 0, 4, '', '2025-01-01')"
            )
        )
    assert isinstance(refused.value.__cause__, IntegrityError)
    assert "something it needs was deleted" in str(refused.value)
    assert "FOREIGN KEY" not in str(refused.value), "no database words for the researcher"


# ---------------------------------------------------------------- setting a project aside

# Opens the project through the service, commits an edit and waits to be killed: the
# edit is then only in the write-ahead log, as after a crash.
EDITOR = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from storage.service import ProjectService

    project = ProjectService.open(Path(sys.argv[1]))
    project.set_setting("annotation.claim_threshold", 0.77)
    print("committed", flush=True)
    sys.stdin.read()
    """
)
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def start_editor(path: Path) -> subprocess.Popen[str]:
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert editor.stdout is not None
    assert editor.stdout.readline().strip() == "committed"
    return editor


def kill(editor: subprocess.Popen[str]) -> None:
    editor.kill()  # SIGKILL: no clean-up, no checkpoint
    editor.wait()
    for stream in (editor.stdin, editor.stdout):
        if stream:
            stream.close()


def threshold_in_file_alone(path: Path) -> object:
    """The edit as the file holds it without any -wal (as in the trash): None if absent."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        row = connection.execute(
            "SELECT value FROM settings WHERE key = 'annotation.claim_threshold'").fetchone()
    return None if row is None else float(row[0])


def side_files(path: Path) -> list[str]:
    return [p.name for p in sorted(path.parent.iterdir())
            if p.name.startswith(path.name) and p.name != path.name]


@pytest.fixture
def crashed(project: ProjectService) -> Iterator[Path]:
    """A project whose last session was killed after committing an edit."""
    path = project.path
    project.close()
    kill(start_editor(path))
    assert Path(f"{path}-wal").stat().st_size > 0, "the edit is in the write-ahead log"
    assert threshold_in_file_alone(path) is None, "and not yet in the file"
    yield path


def assert_new_project_is_empty(path: Path) -> None:
    with ProjectService.create(path) as fresh:
        assert fresh.get_setting("annotation.claim_threshold") is None, "no stale log replayed"
        assert fresh.list_articles() == []


def test_set_aside_folds_a_crashed_sessions_edits_into_the_file(
        crashed: Path, tmp_path: Path) -> None:
    assert project_file.set_aside(crashed) == crashed
    assert side_files(crashed) == [], "nothing left beside it to replay or lose"
    trash = tmp_path / "trash"
    trash.mkdir()
    trashed = crashed.rename(trash / crashed.name)  # what moving it to the trash does
    assert threshold_in_file_alone(trashed) == 0.77
    check_project_file(trashed)
    assert_new_project_is_empty(crashed)
    with ProjectService.open(trashed) as old:
        assert old.get_setting("annotation.claim_threshold") == 0.77


def test_backup_aside_keeps_a_crashed_sessions_edits_beside_it(crashed: Path) -> None:
    backup = project_file.backup_aside(crashed)
    assert backup.parent == crashed.parent
    assert re.fullmatch(r"project\.backup-replaced-\d{8}-\d{6}\.claimline", backup.name)
    assert not crashed.exists()
    assert side_files(crashed) == [] and side_files(backup) == []
    assert threshold_in_file_alone(backup) == 0.77
    assert_new_project_is_empty(crashed)
    assert project_file.backup_aside(crashed) != backup, "a second backup gets its own name"


def test_set_aside_refuses_a_project_another_program_has_open(
        project: ProjectService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_file, "_FOLD_WAIT_SECONDS", 0.2)
    path = project.path
    project.close()
    editor = start_editor(path)
    try:
        before = fingerprint(path.parent)
        with pytest.raises(ProjectFileError, match="another program") as caught:
            project_file.set_aside(path)
        assert path.name in str(caught.value)
        assert fingerprint(path.parent) == before, "nothing moved, folded or removed"
    finally:
        kill(editor)
    assert project_file.set_aside(path) == path, "once it is closed (here: killed) it can go"
    assert threshold_in_file_alone(path) == 0.77


def test_set_aside_leaves_a_closed_project_and_an_empty_name_alone(
        project: ProjectService, tmp_path: Path) -> None:
    path = project.path
    project.close()
    before = fingerprint(path.parent)
    assert project_file.set_aside(path) == path
    assert fingerprint(path.parent) == before
    assert project_file.set_aside(tmp_path / "nothing.claimline") is None


def test_a_new_project_does_not_replay_the_log_of_a_removed_one(
        crashed: Path, tmp_path: Path) -> None:
    """The project file went without its -wal (moved by hand, or by an older Claimline)."""
    crashed.rename(tmp_path / "elsewhere.claimline")
    assert_new_project_is_empty(crashed)
    orphans = [name for name in side_files(crashed) if name.startswith(f"{crashed.name}-wal.")]
    assert len(orphans) == 1 and ".orphaned-" in orphans[0], "kept, under a name SQLite ignores"

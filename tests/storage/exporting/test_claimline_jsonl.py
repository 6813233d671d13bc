"""Claimline JSON Lines: a lossless round trip, and clear refusals of damaged files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.bundle import ExchangeFormatError
from storage.exporting.claimline_jsonl import (
    RECORD_TYPES,
    import_into,
    read_claimline_jsonl,
    write,
)
from storage.service import InvalidEdit, ProjectService

from .compare import assert_same_rows, rows, tables


def test_round_trip_into_an_empty_project_is_exact(
    project: ProjectService, rich: dict[str, int], fresh: ProjectService, tmp_path: Path
) -> None:
    path = tmp_path / "project.jsonl"
    result = write(project.export_bundle(), path)
    assert result.items == 43
    for table in tables(project.path):  # the project really uses every table
        assert rows(project.path, table), f"{table} is empty in the test project"
    report = import_into(fresh, path)
    assert report.counts["articles"] == 4 and report.counts["claims"] == 5
    assert_same_rows(project.path, fresh.path)


def test_the_file_is_readable_json_lines_in_a_stable_order(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    bundle = project.export_bundle()
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    write(bundle, first)
    write(bundle, second)
    assert first.read_bytes() == second.read_bytes()
    lines = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    header = lines[0]
    assert header["format"] == "claimline-jsonl" and header["version"] == 1
    assert header["whole_project"] is True and header["counts"]["claim"] == 5
    kinds = [line["type"] for line in lines[1:]]
    order = ["setting", *RECORD_TYPES]
    assert kinds == sorted(kinds, key=order.index)
    article = next(line for line in lines[1:] if line["type"] == "article")
    assert article["published"] == "2024-03-04" and "👩‍👩‍👧" in article["text"]
    assert "\\u" not in first.read_text(encoding="utf-8")  # UTF-8, not escapes
    claim = next(line for line in lines[1:] if line["type"] == "claim" and line["label_ids"])
    assert isinstance(claim["created_at"], str) and "T" in claim["created_at"]


def test_a_partial_export_imports_on_its_own(
    project: ProjectService, rich: dict[str, int], fresh: ProjectService, tmp_path: Path
) -> None:
    path = tmp_path / "some.jsonl"
    write(project.export_bundle([rich["uk"], rich["en"]]), path)
    import_into(fresh, path)
    assert [a.id for a in fresh.list_articles()] == [rich["en"], rich["uk"]]
    assert len(fresh.list_alignments(rich["en"], rich["uk"])) == 3


def test_import_refuses_a_project_with_articles(
    project: ProjectService, rich: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "project.jsonl"
    write(project.export_bundle(), path)
    with pytest.raises(InvalidEdit, match="new, empty project"):
        import_into(project, path)


@pytest.fixture
def exported(project: ProjectService, rich: dict[str, int], tmp_path: Path) -> list[str]:
    path = tmp_path / "good.jsonl"
    write(project.export_bundle(), path)
    return path.read_text(encoding="utf-8").splitlines()


def _damaged(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "damaged.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _edit(lines: list[str], kind: str, change: dict[str, object] | None = None,
          drop: str | None = None) -> tuple[list[str], int]:
    """The lines with the first record of `kind` changed; and its line number (1-based)."""
    index = next(i for i, line in enumerate(lines) if f'"type":"{kind}"' in line)
    body = json.loads(lines[index])
    body.update(change or {})
    if drop:
        del body[drop]
    edited = list(lines)
    edited[index] = json.dumps(body, ensure_ascii=False)
    return edited, index + 1


def test_bad_json_is_named_by_file_and_line(exported: list[str], tmp_path: Path) -> None:
    lines = list(exported)
    lines[5] = lines[5][:-3]
    with pytest.raises(ExchangeFormatError, match=r"^damaged\.jsonl, line 6: not valid JSON"):
        read_claimline_jsonl(_damaged(tmp_path, lines))


def test_an_unknown_type_is_refused(exported: list[str], tmp_path: Path) -> None:
    lines, number = _edit(exported, "event", {"type": "happening"})
    with pytest.raises(ExchangeFormatError,
                       match=f'line {number}: unknown record type "happening"'):
        read_claimline_jsonl(_damaged(tmp_path, lines))


def test_a_missing_field_is_named(exported: list[str], tmp_path: Path) -> None:
    lines, number = _edit(exported, "claim", drop="uid")
    with pytest.raises(ExchangeFormatError, match=f"line {number}: the claim has no “uid” field"):
        read_claimline_jsonl(_damaged(tmp_path, lines))


def test_a_field_of_the_wrong_type_is_named(exported: list[str], tmp_path: Path) -> None:
    lines, number = _edit(exported, "suggestion", {"start": "12"})
    with pytest.raises(ExchangeFormatError,
                       match=f"line {number}: field “start” of the suggestion: \"12\" is not a "
                       "whole number"):
        read_claimline_jsonl(_damaged(tmp_path, lines))
    lines, number = _edit(exported, "article", {"published": "4 March"})
    with pytest.raises(ExchangeFormatError, match=f"line {number}: field “published”"):
        read_claimline_jsonl(_damaged(tmp_path, lines))


def test_null_able_fields_may_be_left_out(exported: list[str], tmp_path: Path,
                                          fresh: ProjectService) -> None:
    lines, _ = _edit(exported, "article", drop="author")
    bundle = read_claimline_jsonl(_damaged(tmp_path, lines))
    assert bundle.articles[0].author is None


def test_a_wrong_version_or_format_is_refused(exported: list[str], tmp_path: Path) -> None:
    header = json.loads(exported[0])
    for version, message in ((2, "written by a newer Claimline"), ("1", "is not supported")):
        lines = [json.dumps({**header, "version": version}), *exported[1:]]
        with pytest.raises(ExchangeFormatError, match=f"line 1: format version .*{message}"):
            read_claimline_jsonl(_damaged(tmp_path, lines))
    with pytest.raises(ExchangeFormatError, match="line 1: this is not a Claimline JSON Lines"):
        read_claimline_jsonl(_damaged(tmp_path, exported[1:]))
    with pytest.raises(ExchangeFormatError, match="the file is empty"):
        read_claimline_jsonl(_damaged(tmp_path, []))


def test_a_cut_short_file_is_noticed(exported: list[str], tmp_path: Path) -> None:
    with pytest.raises(ExchangeFormatError, match="announces 3 alignment records but the file "
                                                  "holds 2"):
        read_claimline_jsonl(_damaged(tmp_path, exported[:-1]))


def test_edited_texts_and_stray_spans_are_refused(exported: list[str], tmp_path: Path) -> None:
    article = json.loads(next(line for line in exported if '"type":"article"' in line))
    lines, number = _edit(exported, "article", {"text": article["text"] + " more"})
    with pytest.raises(ExchangeFormatError, match=f"line {number}: the text of article 1 does not "
                                                  "match its text_sha256"):
        read_claimline_jsonl(_damaged(tmp_path, lines))
    lines, number = _edit(exported, "claim", {"end": 100_000})
    with pytest.raises(ExchangeFormatError, match=f"line {number}: span .* lies outside"):
        read_claimline_jsonl(_damaged(tmp_path, lines))


def test_duplicate_ids_and_non_utf8_are_refused(exported: list[str], tmp_path: Path) -> None:
    event = next(line for line in exported if '"type":"event"' in line)
    with pytest.raises(ExchangeFormatError, match="a second event with id 1"):
        read_claimline_jsonl(_damaged(tmp_path, [*exported, event]))
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(exported[0].encode() + b"\n" + "{\"type\": \"é\"}".encode("latin-1"))
    with pytest.raises(ExchangeFormatError, match=r"latin1\.jsonl, line 2: not UTF-8"):
        read_claimline_jsonl(path)

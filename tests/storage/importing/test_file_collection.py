from __future__ import annotations

from pathlib import Path

import pytest

from storage.importing import ImportProblem, collect_files


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    files = [
        "b.txt",
        "A.MD",
        "page.HTML",
        "notes.docx",
        ".hidden.txt",
        ".git/inside.txt",
        "2024/feed.jsonl",
        "2024/march/one.json",
        "2024/march/image.png",
        "2024/_drafts/draft.markdown",
    ]
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Some text.", encoding="utf-8")
    (root / "2024" / "march" / "loop").symlink_to(root)  # points back up: a loop
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    return root


def test_folders_expand_sorted_skipping_hidden_and_unsupported(tree: Path) -> None:
    files, problems = collect_files([tree])
    assert [path.relative_to(tree).as_posix() for path in files] == [
        "2024/_drafts/draft.markdown",
        "2024/feed.jsonl",
        "2024/march/one.json",
        "A.MD",
        "b.txt",
        "page.HTML",
    ]
    assert problems == []


def test_explicit_picks(tree: Path) -> None:
    missing = tree / "nope.txt"
    docx = tree / "notes.docx"
    files, problems = collect_files([tree / "b.txt", docx, missing, tree / ".hidden.txt"])
    assert files == [tree / "b.txt", tree / ".hidden.txt"]  # named files are honoured
    assert problems[0].origin == str(docx)
    assert problems[0].reason.startswith('Claimline cannot import ".docx" files')
    assert problems[1] == ImportProblem(str(missing), "The file or folder does not exist.")


def test_the_same_file_is_listed_once(tree: Path) -> None:
    files, _ = collect_files([tree / "b.txt", tree, tree / "2024"])
    assert files.count(tree / "b.txt") == 1
    assert len(files) == 6


def test_subfolder_with_a_loop_back_to_its_parent(tree: Path) -> None:
    files, problems = collect_files([tree / "2024" / "march"])
    # The loop leads to the corpus folder; each folder and file is visited once.
    assert files[0] == tree / "2024" / "march" / "loop" / "2024" / "_drafts" / "draft.markdown"
    assert len(files) == 6
    assert problems == []

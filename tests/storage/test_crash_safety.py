"""A killed process never corrupts a project nor loses what it had committed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from storage.project_file import check_project_file
from storage.service import ProjectService

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from storage.importing import ParsedArticle
    from storage.service import ProjectService

    project = ProjectService.open(Path(sys.argv[1]))
    batch = 0
    while True:
        articles = [
            ParsedArticle(text=f"Report {batch}-{i}: the river rose by {i} cm. " * 50,
                          title=f"Report {batch}-{i}", outlet=None, author=None, url=None,
                          language="en", published=None, origin="writer", format="txt",
                          cleanup=(), extra={})
            for i in range(20)
        ]
        project.add_articles(articles)
        batch += 1
        print(batch * 20, flush=True)
    """
)


@pytest.mark.slow
def test_kill_during_writes_keeps_every_committed_article(project: ProjectService) -> None:
    path = project.path
    project.close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    committed = 0
    for line in writer.stdout:
        committed = int(line)
        if committed >= 200:
            break
    writer.kill()  # SIGKILL: no clean-up runs, likely mid-transaction
    writer.wait()
    writer.stdout.close()

    check_project_file(path)  # header and SQLite's consistency check pass
    reopened = ProjectService.open(path)
    try:
        count = len(reopened.list_articles())
        assert count >= committed
        assert count % 20 == 0, "a batch is stored completely or not at all"
    finally:
        reopened.close()

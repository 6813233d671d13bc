"""The demo project built from the seed corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from storage.seed_corpus import create_demo_project, seed_articles, seed_directory
from storage.service import ProjectService


def test_seed_directory_holds_the_sidecar_and_both_texts() -> None:
    seeds = seed_articles(seed_directory())
    assert [s.key for s in seeds] == ["original", "rewrite"]
    assert all(s.path.is_file() for s in seeds)


def test_demo_project_holds_the_cleaned_seeds_with_their_relation(tmp_path: Path) -> None:
    path = tmp_path / "demo.claimline"
    create_demo_project(path)
    with ProjectService.open(path) as project:
        original, rewrite = project.list_articles()
        assert original.metadata.outlet == "RBC-Ukraine"
        assert original.metadata.author == "Liliana Oleniak"
        assert original.metadata.published == dt.date(2025, 3, 17)
        assert original.metadata.anchor_date == dt.date(2025, 3, 17)
        assert rewrite.metadata.published is None
        assert rewrite.metadata.anchor_date == dt.date(2025, 3, 17)
        assert rewrite.derived_from == (original.id,)
        assert (
            original.title
            == "Ukraine and South Korea discuss fate of North Korean prisoners of war"
        )

        original_text = project.get_article(original.id).text
        rewrite_detail = project.get_article(rewrite.id)
        # Page debris is gone, by the importer's general rules...
        assert not original_text.startswith("ua en ru")
        assert "\n0\n" not in rewrite_detail.text
        assert "Leave a Reply" not in rewrite_detail.text
        assert "Required fields are marked" not in rewrite_detail.text
        # ...and every sentence of the reports is still there.
        assert "According to Cho Tae-yul, South Korea is ready to accept all North Korean" in (
            original_text
        )
        assert original_text.endswith("about 4,000 soldiers in the fighting in Kursk.")
        assert "Participation of North Korean military in war against Ukraine" in original_text
        assert rewrite_detail.text.endswith("Original Source: newsukraine.rbc.ua")
        assert any("Leave a Reply" in note for note in rewrite_detail.import_notes)
        assert project.get_article(rewrite.id).relations[0].other_title == original.title


def test_demo_project_appears_complete_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "demo.claimline"
    create_demo_project(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.claimline"]

"""The seed corpus and the demo project built from it.

`seeds/` holds the captured texts and `seeds.json`, a sidecar with what the
texts themselves do not say reliably (outlet, dates, which one is a rewrite of
which). The texts go through the normal importer, so the debris cleanup that
runs here is the same that runs on every researcher's files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storage.importing import ImportProblem, ParsedArticle, read_file
from storage.service import ProjectService

MANIFEST = "seeds.json"
ACTOR = "seed corpus"


def seed_directory() -> Path:
    """The seeds of a source checkout, or the copy packed into an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if (checkout / MANIFEST).is_file():
        return checkout
    packed = Path(str(resources.files("storage") / "seeds"))
    if (packed / MANIFEST).is_file():
        return packed
    raise FileNotFoundError("The seed corpus is missing from this installation of Claimline.")


@dataclass(frozen=True)
class SeedArticle:
    key: str
    path: Path
    fields: dict[str, Any]
    reference_date: dt.date | None
    derived_from: str | None


def seed_articles(directory: Path | None = None) -> list[SeedArticle]:
    directory = directory or seed_directory()
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    seeds = []
    for entry in manifest["articles"]:
        entry = dict(entry)
        reference = entry.pop("reference_date", None)
        seeds.append(
            SeedArticle(
                key=entry.pop("key"),
                path=directory / entry.pop("file"),
                derived_from=entry.pop("derived_from", None),
                reference_date=dt.date.fromisoformat(reference) if reference else None,
                fields=entry,
            )
        )
    return seeds


def _with_sidecar(parsed: ParsedArticle, seed: SeedArticle) -> ParsedArticle:
    fields = dict(seed.fields)
    if fields.get("published"):
        fields["published"] = dt.date.fromisoformat(fields["published"])
    fields["extra"] = {**parsed.extra, **fields.get("extra", {})}
    return dataclasses.replace(parsed, origin=f"seeds/{seed.path.name}", **fields)


def add_seed_corpus(project: ProjectService) -> list[int]:
    """Import the seed articles into `project`, with their sidecar metadata and relations."""
    ids: dict[str, int] = {}
    seeds = seed_articles()
    for seed in seeds:
        (item,) = read_file(seed.path)
        if isinstance(item, ImportProblem):
            raise RuntimeError(f"seed {seed.path.name} cannot be read: {item.reason}")
        added, duplicates = project.add_articles([_with_sidecar(item, seed)], actor=ACTOR)
        article_id = added[0].id if added else duplicates[0].existing_id
        ids[seed.key] = article_id
        if seed.reference_date:
            metadata = project.get_article(article_id).metadata
            project.update_metadata(
                article_id,
                dataclasses.replace(metadata, reference_date=seed.reference_date),
                actor=ACTOR,
            )
    for seed in seeds:
        if seed.derived_from:
            project.add_relation(
                ids[seed.key],
                ids[seed.derived_from],
                "derived_from",
                note="rewritten copy that names the other as its source",
                actor=ACTOR,
            )
    return [ids[s.key] for s in seeds]


def create_demo_project(path: Path) -> None:
    """Build the demo project at `path` from the seeds; it appears there complete or not at all."""
    temporary = path.with_name(f".{path.name}.building")
    temporary.unlink(missing_ok=True)
    with ProjectService.create(temporary) as project:
        add_seed_corpus(project)
    temporary.replace(path)

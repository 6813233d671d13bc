"""TimeML 1.2: a folder of `.tml` files, one per article (`article_00042.tml`).

Mapping:

- `<DOCID>`: the article's uid. `<DCT>`: a TIMEX3 `t0` with the article's
  anchor date (its reference date, else its publication date); "XXXX-XX-XX"
  when neither is known.
- `<TEXT>`: the article text, unchanged, with inline tags:
  - `<TIMEX3 tid="t{suggestion id}" type value [mod]>` for each accepted timex
    suggestion (with `include_open`, open ones too); one without a value is
    left out and counted.
  - `<EVENT eid="e{claim id}" class="OCCURRENCE">` for each claim linked to an
    event (a claim describes something that happened; Claimline does not tell
    reporting verbs apart).
- After `</TEXT>`: a `MAKEINSTANCE` per EVENT (polarity NEG for a claim marked
  "denied") and, where the linked event's TIMEX3 value equals that of a TIMEX3
  in the same article, a `TLINK` saying the event instance IS_INCLUDED in it.

TimeML tags never overlap or nest. Overlapping TIMEX3s: the longer is kept.
A claim usually contains its dates, so an EVENT is not dropped for holding a
TIMEX3: it is anchored on the longest stretch of the claim that holds none
(trimmed of spaces, commas, colons and dashes); it is dropped only when no such stretch
is left, or when it overlaps a longer EVENT. Every drop is counted in the notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from storage.bundle import BundleArticle, BundleClaim, ExportBundle, ExportResult, Progress

# Characters XML 1.0 cannot hold at all (they are replaced, and counted).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TRIM = " \t\n,;:-–—"


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int
    name: str  # TIMEX3 | EVENT
    attributes: tuple[tuple[str, str], ...]


def _text(value: str) -> str:
    return escape(value).replace("\r", "&#13;")


def _open(tag: _Tag) -> str:
    attributes = "".join(f" {k}={quoteattr(v)}" for k, v in tag.attributes)
    return f"<{tag.name}{attributes}>"


def _overlaps(tag: _Tag, taken: list[tuple[int, int]]) -> bool:
    return any(tag.start < end and start < tag.end for start, end in taken)


def _without_overlaps(tags: list[_Tag]) -> tuple[list[_Tag], int]:
    """The longer of overlapping tags (then the earlier); how many were dropped."""
    kept: list[_Tag] = []
    taken: list[tuple[int, int]] = []
    for tag in sorted(tags, key=lambda t: (t.start - t.end, t.start)):
        if not _overlaps(tag, taken):
            kept.append(tag)
            taken.append((tag.start, tag.end))
    return kept, len(tags) - len(kept)


def _free_stretch(text: str, start: int, end: int, timexes: list[_Tag]) -> tuple[int, int] | None:
    """The longest part of start..end outside every TIMEX3, trimmed; None if nothing is left."""
    cuts = sorted((max(t.start, start), min(t.end, end)) for t in timexes
                  if t.start < end and start < t.end)
    pieces, at = [], start
    for cut_start, cut_end in cuts:
        pieces.append((at, cut_start))
        at = max(at, cut_end)
    pieces.append((at, end))
    best = None
    for a, b in pieces:
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        if b > a and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    return best


@dataclass
class _Counts:
    timex_dropped: int = 0
    events_dropped: int = 0
    no_value: int = 0
    no_date: int = 0
    replaced: int = 0


def document(bundle: ExportBundle, article: BundleArticle, statuses: tuple[str, ...],
             counts: _Counts) -> str:
    """The TimeML document of one article."""
    text = article.text
    timexes = []
    for s in bundle.suggestions_of(article.id, "timex", statuses):
        value = s.attributes.get("value")
        if not value:
            counts.no_value += 1
            continue
        attributes = [("tid", f"t{s.id}"), ("type", str(s.attributes.get("type") or s.label
                                                         or "DATE")), ("value", str(value))]
        if s.attributes.get("mod"):
            attributes.append(("mod", str(s.attributes["mod"])))
        timexes.append(_Tag(s.start, s.end, "TIMEX3", tuple(attributes)))
    timexes, lost = _without_overlaps(timexes)
    counts.timex_dropped += lost

    events: list[_Tag] = []
    claims: dict[str, BundleClaim] = {}
    for claim in bundle.claims_of(article.id):
        if not bundle.links_of(claim.id):
            continue
        stretch = _free_stretch(text, claim.start, claim.end, timexes)
        if stretch is None:
            counts.events_dropped += 1
            continue
        eid = f"e{claim.id}"
        claims[eid] = claim
        events.append(_Tag(*stretch, "EVENT", (("eid", eid), ("class", "OCCURRENCE"))))
    events, lost = _without_overlaps(events)
    counts.events_dropped += lost

    body, at = [], 0
    for tag in sorted([*timexes, *events], key=lambda t: t.start):
        body += [_text(text[at:tag.start]), _open(tag), _text(text[tag.start:tag.end]),
                 f"</{tag.name}>"]
        at = tag.end
    body.append(_text(text[at:]))
    anchor = article.anchor_date
    if anchor is None:
        counts.no_date += 1
    dct = anchor.isoformat() if anchor else "XXXX-XX-XX"
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n',
        f"<DOCID>{_text(article.uid)}</DOCID>\n",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"{dct if anchor else ''}</TIMEX3></DCT>\n",
        f"<TITLE>{_text(article.title)}</TITLE>\n" if article.title else "",
        "<TEXT>", "".join(body), "</TEXT>\n",
        *_instances(bundle, events, claims, timexes),
        "</TimeML>\n",
    ]
    xml, replaced = _NOT_XML.subn("\ufffd", "".join(parts))
    counts.replaced += replaced
    return xml


def _instances(bundle: ExportBundle, events: list[_Tag], claims: dict[str, BundleClaim],
               timexes: list[_Tag]) -> list[str]:
    lines, lid = [], 0
    by_value: dict[str, str] = {}
    for t in timexes:
        attributes = dict(t.attributes)
        by_value.setdefault(attributes["value"], attributes["tid"])
    for tag in sorted(events, key=lambda t: t.start):
        eid = dict(tag.attributes)["eid"]
        claim = claims[eid]
        polarity = "NEG" if claim.certainty == "denied" else "POS"
        lines.append(f'<MAKEINSTANCE eventID="{eid}" eiid="ei{eid[1:]}" tense="NONE" '
                     f'aspect="NONE" polarity="{polarity}" pos="UNKNOWN"/>\n')
        for link in bundle.links_of(claim.id):
            event = bundle.event_by_id.get(link.event_id)
            tid = by_value.get(event.timex_value or "") if event else None
            if tid:
                lid += 1
                lines.append(f'<TLINK lid="l{lid}" eventInstanceID="ei{eid[1:]}" '
                             f'relatedToTime="{tid}" relType="IS_INCLUDED"/>\n')
                break
    return lines


def file_name(article: BundleArticle) -> str:
    return f"article_{article.id:05d}.tml"


def write(
    bundle: ExportBundle,
    path: Path,
    progress: Progress | None = None,
    *,
    include_open: bool = False,
) -> ExportResult:
    """Write one `.tml` file per article into the folder `path` (created if missing)."""
    path.mkdir(parents=True, exist_ok=True)
    statuses = ("accepted", "open") if include_open else ("accepted",)
    counts = _Counts()
    total = len(bundle.articles)
    for done, article in enumerate(bundle.articles, start=1):
        (path / file_name(article)).write_text(
            document(bundle, article, statuses, counts), encoding="utf-8", newline="\n"
        )
        if progress and (done % 50 == 0 or done == total):
            progress(done, total)
    return ExportResult(str(path), total, _notes(counts))


def _notes(counts: _Counts) -> tuple[str, ...]:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'s' if n != 1 else ''}"

    notes = []
    if counts.timex_dropped:
        notes.append(f"{plural(counts.timex_dropped, 'TIMEX3')} dropped for overlapping a "
                     "longer one")
    if counts.events_dropped:
        notes.append(f"{plural(counts.events_dropped, 'EVENT')} dropped (overlapping a longer "
                     "EVENT, or nothing left outside its TIMEX3s)")
    if counts.no_value:
        notes.append(f"{plural(counts.no_value, 'temporal expression')} without a value left out")
    if counts.no_date:
        notes.append(f"{plural(counts.no_date, 'article')} without a date: DCT XXXX-XX-XX")
    if counts.replaced:
        notes.append(f"{plural(counts.replaced, 'character')} XML cannot hold replaced by U+FFFD")
    return tuple(notes)

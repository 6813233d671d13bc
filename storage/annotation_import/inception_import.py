"""Importing UIMA CAS XMI from INCEpTION: `.xmi` files with their `TypeSystem.xml`.

`path` may be one `.xmi` file, a folder (searched recursively; each file uses
the nearest `TypeSystem.xml` in its folder or above), or a `.zip` as INCEpTION
exports it (zips inside it, one level deep, are opened too). Every XML file is
checked by `safe_xml.check_xml` before cassis reads it.

Each document's text is an article (matched to one the project holds, or
added). `webanno.custom.Claim` spans become claims (labels split at commas),
`webanno.custom.EventMention` spans on a claim's span become its event links,
`NamedEntity` spans entity suggestions (labelled with their value) and
`webanno.custom.Timex` spans date suggestions, with the provenance
"import:inception". Types the file does not declare are simply absent.
"""

from __future__ import annotations

import tempfile
import warnings
import zipfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from storage.annotation_import.documents import (
    AnnotationImportError,
    ImportedClaim,
    ImportedDocument,
    ImportedEventLink,
    ImportedSpan,
)
from storage.annotation_import.safe_xml import check_xml
from storage.bundle import ImportResult, Progress
from storage.exporting.uima_xmi import (
    CLAIM,
    DOCUMENT_META,
    EVENT_MENTION,
    NAMED_ENTITY,
    TIMEX,
)

if TYPE_CHECKING:
    from storage.service import ProjectService

TYPE_SYSTEM_NAMES = ("TypeSystem.xml", "typesystem.xml")
MAX_UNPACKED_BYTES = 2 * 1024**3  # a zip that would unpack to more is refused
MAX_MEMBERS = 100_000


def read(service: ProjectService, path: Path, progress: Progress | None = None) -> ImportResult:
    """Import the INCEpTION XMI at `path` (file, folder or zip)."""
    return service.store_imported(read_documents(Path(path)), "inception", progress)


def read_documents(path: Path) -> list[ImportedDocument]:
    """Every XMI document under `path`, checked and read; nothing is stored."""
    if not path.exists():
        raise AnnotationImportError(f"{path.name}: no such file or folder")
    with tempfile.TemporaryDirectory(prefix="claimline-xmi-") as scratch:
        root = path
        if path.is_file() and path.suffix.lower() == ".zip":
            root = Path(scratch) / path.stem
            _unzip(path, root, nested=True)
        if root.is_dir():
            files = sorted(p for p in root.rglob("*.xmi") if p.is_file())
            if not files:
                raise AnnotationImportError(f"{path.name}: no .xmi files in it")
        elif root.suffix.lower() == ".xmi":
            files = [root]
        else:
            raise AnnotationImportError(f"{path.name}: not an .xmi file, a folder or a .zip")
        base = root if root.is_dir() else root.parent
        type_systems: dict[Path, Any] = {}
        return [_document(xmi, _type_system(xmi, base, type_systems), path, base)
                for xmi in files]


def _unzip(archive: Path, target: Path, *, nested: bool) -> None:
    """Unpack `archive` into `target`, refusing paths that leave it and zip bombs."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = zipped.infolist()
            if len(members) > MAX_MEMBERS or \
                    sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                raise AnnotationImportError(f"{archive.name}: refused: it would unpack to too "
                                            "many files or too many bytes")
            for member in members:
                name = PurePosixPath(member.filename)
                if name.is_absolute() or ".." in name.parts or member.filename.startswith("\\"):
                    raise AnnotationImportError(
                        f"{archive.name}: refused: the entry “{member.filename}” would be "
                        "written outside the folder it unpacks to")
            zipped.extractall(target)
    except zipfile.BadZipFile:
        raise AnnotationImportError(f"{archive.name}: not a readable zip file") from None
    if nested:
        for inner in sorted(target.rglob("*.zip")):
            _unzip(inner, inner.with_suffix(""), nested=False)


def _type_system(xmi: Path, base: Path, loaded: dict[Path, Any]) -> Any:
    import cassis  # type: ignore[import-untyped]

    folder = xmi.parent
    while True:
        for name in TYPE_SYSTEM_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if candidate not in loaded:
                    check_xml(candidate)
                    try:
                        with warnings.catch_warnings():
                            warnings.filterwarnings("ignore", message=".*reserved name.*")
                            loaded[candidate] = cassis.load_typesystem(candidate)
                    except Exception as error:
                        raise AnnotationImportError(
                            f"{candidate.name}: not a UIMA type system ({error})") from None
                return loaded[candidate]
        if folder == base or folder.parent == folder:
            raise AnnotationImportError(f"{xmi.name}: no TypeSystem.xml beside it or above it")
        folder = folder.parent


def _document(xmi: Path, ts: Any, given: Path, base: Path) -> ImportedDocument:
    import cassis

    check_xml(xmi)
    shown = xmi.name
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*reserved name.*")
            cas = cassis.load_cas_from_xmi(xmi, typesystem=ts, lenient=True)
    except Exception as error:
        raise AnnotationImportError(f"{shown}: not a readable UIMA CAS ({error})") from None
    text = cas.sofa_string
    if not isinstance(text, str) or not text.strip():
        raise AnnotationImportError(f"{shown}: the document has no text")
    meta = _select(cas, ts, DOCUMENT_META)
    title = _feature(meta[0], "documentTitle") if meta else None
    url = _feature(meta[0], "documentUri") if meta else None
    outlet = _feature(meta[0], "collectionId") if meta else None
    language = cas.document_language
    spans = [
        ImportedSpan("entity", e.begin, e.end, _feature(e, "value") or "ENTITY",
                     text[e.begin:e.end], {}, _where(shown, "NamedEntity", e))
        for e in _select(cas, ts, NAMED_ENTITY)
    ]
    for t in _select(cas, ts, TIMEX):
        kind = _feature(t, "type") or "DATE"
        spans.append(ImportedSpan("timex", t.begin, t.end, kind, text[t.begin:t.end], {
            "type": kind, "value": _feature(t, "value"), "mod": _feature(t, "mod")},
            _where(shown, "Timex", t)))
    links: dict[tuple[int, int], list[ImportedEventLink]] = {}
    for m in _select(cas, ts, EVENT_MENTION):
        links.setdefault((m.begin, m.end), []).append(ImportedEventLink(
            _feature(m, "eventId"), _feature(m, "event") or "",
            _feature(m, "relation") or "reports"))
    claims = [_claim(c, text, links.get((c.begin, c.end), []), _where(shown, "Claim", c))
              for c in _select(cas, ts, CLAIM)]
    origin = str(given / xmi.relative_to(base)) if given.is_dir() or given.suffix == ".zip" \
        else str(given)
    return ImportedDocument(
        origin=origin, text=text, title=title or xmi.stem, outlet=outlet,
        url=url if url and url.startswith(("http://", "https://")) else None,
        language=language if language and language != "x-unspecified" else None,
        spans=tuple(spans), claims=tuple(claims),
    )


def _claim(fs: Any, text: str, links: list[ImportedEventLink], where: str) -> ImportedClaim:
    labels = tuple(p.strip() for p in (_feature(fs, "labels") or "").split(",") if p.strip())
    return ImportedClaim(
        fs.begin, fs.end, text[fs.begin:fs.end], _feature(fs, "claimant"),
        _feature(fs, "certainty"), _feature(fs, "status") or "open",
        _feature(fs, "note") or "", labels, tuple(links), where,
    )


def _select(cas: Any, ts: Any, name: str) -> list[Any]:
    if not ts.contains_type(name):
        return []
    return sorted(cas.select(name), key=lambda fs: (fs.begin, fs.end))


def _feature(fs: Any, name: str) -> str | None:
    """A string feature's value; None when unset or when the type lacks the feature."""
    try:
        value = fs.type_ if name == "type" else fs.get(name)
    except AttributeError:
        return None
    return value if isinstance(value, str) else None


def _where(shown: str, kind: str, fs: Any) -> str:
    return f"{shown}, {kind} at {fs.begin}–{fs.end}"

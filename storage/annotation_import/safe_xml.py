"""Refusing dangerous XML before any parser that trusts it sees the file.

cassis reads XMI and type systems with lxml, which would expand internal
entities. Every XML file an importer reads is first streamed through
defusedxml, which refuses document type declarations, entity declarations and
external references outright; INCEpTION's files never contain them, so a file
that does is an attack (a "billion laughs" bomb, an external entity that would
read a local file or reach the network) or damaged, and is refused with the
file's name.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from storage.annotation_import.documents import AnnotationImportError


def check_xml(path: Path) -> None:
    """Raise `AnnotationImportError` unless `path` is well-formed XML without DTD or entities."""
    try:
        with path.open("rb") as stream:
            for _event, element in iterparse(stream, events=("end",), forbid_dtd=True):
                element.clear()
    except DefusedXmlException as error:
        raise AnnotationImportError(
            f"{path.name}: refused: the file declares a document type or entities "
            f"({type(error).__name__}), which Claimline never reads, for safety "
            "(entity expansion and external references can exhaust memory or read other files)."
        ) from None
    except ParseError as error:
        raise AnnotationImportError(f"{path.name}: not well-formed XML ({error}).") from None

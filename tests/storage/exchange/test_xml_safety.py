"""XML that declares entities or a DTD is refused before cassis sees it, with the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.annotation_import import inception_import
from storage.annotation_import.documents import AnnotationImportError
from storage.annotation_import.safe_xml import check_xml
from storage.exporting import uima_xmi
from storage.service import ProjectService

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmi:version="2.0">
<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" sofaString="&lol3;"/>
</xmi:XMI>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE typeSystemDescription [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier">
<description>&secret;</description><types/></typeSystemDescription>
"""


def _folder(tmp_path: Path, xmi: str, type_system: str | None = None) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "doc.xmi").write_text(xmi, encoding="utf-8")
    (folder / "TypeSystem.xml").write_bytes(
        type_system.encode("utf-8") if type_system else uima_xmi.type_system_bytes())
    return folder


def test_an_entity_bomb_is_refused(fresh: ProjectService, tmp_path: Path) -> None:
    folder = _folder(tmp_path, BOMB)
    with pytest.raises(AnnotationImportError, match=r"doc\.xmi: refused: .*document type"):
        inception_import.read(fresh, folder)
    assert fresh.list_articles() == []


def test_an_external_entity_is_refused(fresh: ProjectService, tmp_path: Path) -> None:
    folder = _folder(tmp_path, '<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"/>', EXTERNAL)
    with pytest.raises(AnnotationImportError, match=r"TypeSystem\.xml: refused"):
        inception_import.read(fresh, folder)


def test_broken_xml_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.xmi"
    path.write_text("<xmi:XMI><unclosed></xmi:XMI>", encoding="utf-8")
    with pytest.raises(AnnotationImportError, match=r"broken\.xmi: not well-formed XML"):
        check_xml(path)
    fine = tmp_path / "fine.xml"
    fine.write_bytes(uima_xmi.type_system_bytes())
    check_xml(fine)

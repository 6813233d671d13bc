"""The brat, Web Annotation and INCEpTION formats are reachable through the registries."""

from __future__ import annotations

import storage.exporting.register_more  # noqa: F401
from storage.annotation_import import brat_import, inception_import, web_annotation_import
from storage.exporting import brat, uima_xmi, web_annotation
from storage.exporting.formats import IMPORTERS, export_format, import_format


def test_writers_and_importers_are_registered() -> None:
    assert export_format("brat").load() is brat.write
    assert export_format("brat").is_folder
    assert export_format("web-annotation").suffix == ".jsonld"
    assert export_format("web-annotation").load() is web_annotation.write
    assert export_format("inception-xmi").load() is uima_xmi.write
    assert import_format("brat").load() is brat_import.read
    assert import_format("web-annotation").load() is web_annotation_import.read
    assert import_format("inception-xmi").load() is inception_import.read
    assert not any(IMPORTERS[n].needs_empty_project
                   for n in ("brat", "web-annotation", "inception-xmi"))

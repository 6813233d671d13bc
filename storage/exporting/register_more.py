"""Registers the brat, W3C Web Annotation and INCEpTION XMI writers and importers.

Importing this module adds them to `storage.exporting.formats.FORMATS` and
`IMPORTERS` (it is idempotent). Entries name their functions as strings, so
nothing heavy (cassis, lxml) is imported until a format is used.
"""

from __future__ import annotations

from storage.exporting.formats import ExportFormat, ImportFormat, register, register_importer

BRAT = register(ExportFormat(
    "brat", "",
    "brat standoff: a folder with a .txt and an .ann per article, annotation.conf and "
    "visual.conf (claims, entities, dates, claimants, event links as notes)",
    "storage.exporting.brat:write",
))
WEB_ANNOTATION = register(ExportFormat(
    "web-annotation", ".jsonld",
    "W3C Web Annotation (JSON-LD): an AnnotationCollection with quote and position "
    "selectors, labels as tags, event links as linking annotations",
    "storage.exporting.web_annotation:write",
))
INCEPTION_XMI = register(ExportFormat(
    "inception-xmi", "",
    "UIMA CAS XMI for INCEpTION: a folder with an .xmi per article and TypeSystem.xml "
    "(Claim, Timex and EventMention layers, named entities, sentences, tokens)",
    "storage.exporting.uima_xmi:write",
))

register_importer(ImportFormat(
    "brat",
    "brat standoff (a folder of .txt/.ann pairs, or one pair): claims, entity and date "
    "suggestions; texts the project lacks become articles",
    "storage.annotation_import.brat_import:read", reads_folders=True,
))
register_importer(ImportFormat(
    "web-annotation",
    "W3C Web Annotation (JSON-LD) onto articles already in the project, found by source "
    "or by quote",
    "storage.annotation_import.web_annotation_import:read",
))
register_importer(ImportFormat(
    "inception-xmi",
    "UIMA CAS XMI from INCEpTION (.xmi with TypeSystem.xml, a folder or a .zip): claims, "
    "entity and date suggestions; texts the project lacks become articles",
    "storage.annotation_import.inception_import:read", reads_folders=True,
))

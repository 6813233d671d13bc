"""Importers of annotations made in other tools: brat, W3C Web Annotation, INCEpTION XMI.

Each importer is `read(service, path, progress=None) -> ImportResult`
(registered in `storage.exporting.formats.IMPORTERS` by
`storage.exporting.register_more`). Readers parse and check every input file
first (`documents.AnnotationImportError` names the file and line at fault);
`ProjectService.store_imported` then writes articles and annotations (the
importers call nothing but public service methods), and
`ProjectService.remove_imported` / `restore_imported` undo and redo that.
XML is checked by `safe_xml.check_xml` before any parser that trusts it sees it.
"""

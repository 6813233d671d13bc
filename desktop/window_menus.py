"""The main window's menus and actions, with their shortcuts and object names.

Annotation keys act where the researcher is working: M, Delete, the number
keys and Alt+arrows work in the reader and the claim inspector; A/R/E/J/K in
the suggestions list (desktop.suggestions_panel).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.object_names import named

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def action(window: MainWindow, name: str, text: str, slot: Callable[[], object],
           shortcut: Shortcut = None, tip: str = "") -> QAction:
    created = named(QAction(text, window), name)
    if shortcut is not None:
        created.setShortcut(QKeySequence(shortcut))
    if tip:
        created.setStatusTip(tip)
        created.setToolTip(tip)
    created.triggered.connect(lambda _checked=False: slot())
    return created


def scoped(created: QAction, *widgets: QWidget) -> QAction:
    """Make `created` answer its shortcut only while focus is inside one of `widgets`."""
    created.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for widget in widgets:
        widget.addAction(created)
    return created


def build_menus(w: MainWindow) -> None:
    keys = QKeySequence.StandardKey
    bar = w.menuBar()

    # ---------------------------------------------------------------- File
    w.action_new = action(w, "actionNewProject", "&New Project…", w.new_project, keys.New,
                          "Create an empty project file")
    w.action_open = action(w, "actionOpenProject", "&Open Project…", w.choose_project, keys.Open)
    w.action_import = action(w, "actionImport", "&Import Files…", w.choose_files, "Ctrl+I",
                             "Import article files into this project")
    w.action_import_folder = action(
        w, "actionImportFolder", "Import &Folder…", w.choose_folder, "Ctrl+Shift+I",
        "Import every article file in a folder and its subfolders")
    w.action_export = action(
        w, "actionExportDataset", "&Export Dataset…", w.exchange.export, "Ctrl+Shift+X",
        "Write the project (or the selected articles) for other tools: spaCy, brat, "
        "INCEpTION, TimeML, W3C Web Annotation, TimelineJS, CSV")
    w.action_import_annotations = action(
        w, "actionImportAnnotations", "Import &Annotations…", w.exchange.import_annotations,
        tip="Read claims and labels made in brat, INCEpTION or a W3C Web Annotation client")
    w.action_new_from_dataset = action(
        w, "actionNewFromDataset", "New Project from &Dataset…",
        w.exchange.new_project_from_dataset,
        tip="Make a new project file from a Claimline JSON Lines dataset")
    w.action_close = action(w, "actionCloseProject", "&Close Project", w.close_project)
    w.action_quit = action(w, "actionQuit", "&Quit", w.close, keys.Quit)
    w.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu = named(bar.addMenu("&File"), "menuFile")
    file_menu.addActions([w.action_new, w.action_new_from_dataset, w.action_open])
    w.recent_menu = named(QMenu("Open &Recent", w), "menuOpenRecent")
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addMenu(w.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([w.action_import, w.action_import_folder,
                          w.action_import_annotations])
    file_menu.addSeparator()
    file_menu.addAction(w.action_export)
    file_menu.addSeparator()
    file_menu.addActions([w.action_close, w.action_quit])

    # ---------------------------------------------------------------- Edit
    w.action_undo = named(w.undo_stack.createUndoAction(w, "&Undo"), "actionUndo")
    w.action_undo.setShortcuts([QKeySequence(keys.Undo)])
    w.action_redo = named(w.undo_stack.createRedoAction(w, "&Redo"), "actionRedo")
    w.action_redo.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Shift+Z")])
    w.action_delete = scoped(action(w, "actionDeleteArticle", "&Delete Article",
                                    w.delete_selected, keys.Delete), w.articles.table)
    w.action_find = action(w, "actionFindArticles", "&Find Articles", w.focus_filter, keys.Find)
    w.action_search = action(w, "actionSearchEverywhere", "&Search Texts and Claims…",
                             w.focus_search, "Ctrl+Shift+F")
    edit_menu = named(bar.addMenu("&Edit"), "menuEdit")
    edit_menu.addActions([w.action_undo, w.action_redo])
    edit_menu.addSeparator()
    edit_menu.addActions([w.action_find, w.action_search, w.action_delete])

    # ---------------------------------------------------------------- Annotate
    annotation = w.annotation
    # Plain keys (M, digits) only in the reader: in the inspector they are typing.
    work_area = (w.reader, w.inspector)
    w.action_mark_claim = scoped(action(
        w, "actionMarkClaim", "&Mark Selection as Claim", annotation.mark_claim, "M",
        "The selected words become a claim (the selection widens to whole words)"),
        w.reader)
    w.action_mark_exact = scoped(action(
        w, "actionMarkExactClaim", "Mark E&xact Selection as Claim",
        lambda: annotation.mark_claim(snap_to_words=False), "Shift+M"), w.reader)
    w.action_delete_claim = scoped(action(
        w, "actionDeleteClaim", "&Delete Claim", annotation.delete_selected_claim, keys.Delete),
        w.reader)
    edges = [
        ("actionClaimStartEarlier", "Claim Starts One Word &Earlier", "start", -1,
         "Alt+Shift+Left"),
        ("actionClaimStartLater", "Claim Starts One Word Later", "start", 1, "Alt+Shift+Right"),
        ("actionClaimEndEarlier", "Claim Ends One Word Earlier", "end", -1, "Alt+Left"),
        ("actionClaimEndLater", "Claim Ends One Word &Later", "end", 1, "Alt+Right"),
    ]
    w.claim_edge_actions = [
        scoped(action(w, name, text, partial(annotation.adjust_selected_claim, edge, step), key),
               *work_area)
        for name, text, edge, step, key in edges
    ]
    w.label_key_actions = [
        scoped(action(w, f"actionToggleLabel{digit}", f"Toggle Label {digit}",
                      partial(annotation.toggle_label, digit), str(digit)), w.reader)
        for digit in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
    ]
    w.action_labels = action(w, "actionManageLabels", "&Labels…", w.manage_labels, None,
                             "Name, colour and number key of the project's claim labels")
    w.action_new_event = action(w, "actionNewEvent", "New &Event…",
                                lambda: w.timeline.new_event(), "Ctrl+E",
                                "An event on the timeline, dated as you would say it")
    w.action_event_from_claim = action(
        w, "actionEventFromClaim", "New Event from &Claim…",
        lambda: w.timeline.new_event_from_claim(annotation.selected_claim.id)
        if annotation.selected_claim else None, "Ctrl+Shift+E",
        "An event for the selected claim, dated by the dates it mentions")
    w.action_go_to_date = action(w, "actionGoToDate", "&Go to Date on the Timeline…",
                                 w.timeline.go_to_date, "Ctrl+G")
    w.action_preannotate = action(
        w, "actionPreannotate", "&Pre-annotate Selected Articles", w.preannotate_selected,
        "Ctrl+Shift+P", "Propose entities, dates and claim candidates for the selected articles")
    w.action_preannotate_all = action(
        w, "actionPreannotateAll", "Pre-annotate &All Articles", w.preannotate_all, None,
        "Propose entities, dates and claim candidates for every article, in the background")
    w.action_annotation_settings = action(
        w, "actionAnnotationSettings", "Annotation &Settings…", w.edit_annotation_settings)
    annotate_menu = named(bar.addMenu("&Annotate"), "menuAnnotate")
    annotate_menu.addActions([w.action_mark_claim, w.action_mark_exact, w.action_delete_claim])
    adjust_menu = named(annotate_menu.addMenu("Adjust Claim &Span"), "menuAdjustClaim")
    adjust_menu.addActions(w.claim_edge_actions)
    annotate_menu.addSeparator()
    annotate_menu.addActions([w.action_new_event, w.action_event_from_claim, w.action_go_to_date])
    annotate_menu.addSeparator()
    annotate_menu.addAction(w.action_labels)
    annotate_menu.addSeparator()
    annotate_menu.addActions([w.action_preannotate, w.action_preannotate_all])
    annotate_menu.addAction(w.action_annotation_settings)
    w.reader.add_context_action(w.action_mark_claim)
    w.reader.add_context_action(w.action_delete_claim)

    # ---------------------------------------------------------------- Compare
    comparing = w.comparing
    w.action_compare_original = action(
        w, "actionCompareWithOriginal", "Compare with &Original", comparing.compare_with_original,
        "Ctrl+Shift+O", "Side by side with the article this one rewrites: what agrees, what "
        "conflicts, what was added or dropped")
    w.action_compare_two = action(
        w, "actionCompareTwoArticles", "Compare &Two Articles…", comparing.compare_two,
        "Ctrl+Shift+C", "Side by side: the two articles selected in the list (or pick the "
        "second)")
    compare_menu = named(bar.addMenu("&Compare"), "menuCompare")
    compare_menu.addActions([w.action_compare_original, w.action_compare_two])

    # ---------------------------------------------------------------- View
    view_menu = named(bar.addMenu("&View"), "menuView")
    for dock in w.docks():
        toggle = dock.toggleViewAction()
        name = dock.objectName()
        toggle.setObjectName(f"action{name[0].upper()}{name[1:]}")
        view_menu.addAction(toggle)

    # ---------------------------------------------------------------- Help
    help_menu = named(bar.addMenu("&Help"), "menuHelp")
    help_menu.addAction(action(w, "actionAbout", "&About Claimline", w.about))
    help_menu.addAction(action(w, "actionKeys", "&Keyboard Shortcuts", w.show_keys))


KEYS_HELP = """<b>Reading and marking</b> (in the text)<br>
M — mark the selected words as a claim (Shift+M: exactly the selection)<br>
Alt+←/→ — move the end of the selected claim by a word; Alt+Shift+←/→ its start<br>
1–9, 0 — toggle the label with that key on the selected claim<br>
Delete — delete the selected claim (in the text) or article (in the list)<br><br>
<b>Reviewing suggestions</b> (in the Suggestions list)<br>
↑/↓ or K/J — previous/next · A — accept · R — reject · E — edit, then accept<br>
Shift+A — accept every open suggestion of this kind · U — reopen<br><br>
<b>Timeline</b><br>
Wheel or +/− — zoom · drag or ←/→ — pan · F — fit all · T — today · Ctrl+G — go to a date<br>
Ctrl+E — new event · Ctrl+Shift+E — new event from the selected claim<br><br>
<b>Comparing</b><br>
Ctrl+Shift+O — compare with the original · Ctrl+Shift+C — compare two articles<br>
In the comparison: J/K — next/previous pair · C — confirm · X — reject<br><br>
<b>Everywhere</b><br>
Ctrl+Z / Ctrl+Shift+Z — undo / redo · Ctrl+F — filter articles ·
Ctrl+Shift+F — search texts and claims · Ctrl+Shift+X — export a dataset"""

"""The project's label set."""

from __future__ import annotations

import dataclasses

import pytest

from storage.records import ClaimFields
from storage.service import InvalidEdit, ProjectService


def test_a_new_project_starts_with_numbered_labels(project: ProjectService) -> None:
    labels = project.list_labels()
    assert [(label.name, label.shortcut) for label in labels] == [
        ("Figure", 1),
        ("Event", 2),
        ("Statement", 3),
        ("Prediction", 4),
        ("Framing", 5),
    ]
    assert project.add_default_labels() == []


def test_labels_can_be_created_and_edited(project: ProjectService) -> None:
    label = project.create_label("Casualties", "#aa3311", shortcut=6)
    before, after = project.update_label(dataclasses.replace(label, name="Losses", color="#112233"))
    assert before == label
    assert (after.name, after.color, after.shortcut) == ("Losses", "#112233", 6)


@pytest.mark.parametrize(
    ("name", "colour", "shortcut", "message"),
    [
        ("", "#000000", None, "needs a name"),
        ("x", "red", None, "not a colour"),
        ("figure", "#000000", None, "already a label"),
        ("New", "#000000", 1, "already the shortcut"),
        ("New", "#000000", 12, "0 to 9"),
    ],
)
def test_clashing_or_malformed_labels_are_refused(
    project: ProjectService, name: str, colour: str, shortcut: int | None, message: str
) -> None:
    with pytest.raises(InvalidEdit, match=message):
        project.create_label(name, colour, shortcut=shortcut)


def test_deleting_a_label_can_be_undone_with_its_claims(
    project: ProjectService, make_parsed
) -> None:
    (article,), _ = project.add_articles([make_parsed("Prices rose 4% in May, the agency said.")])
    figure = project.list_labels()[0]
    claim = project.create_claim(article.id, ClaimFields(0, 20, label_ids=(figure.id,)))
    rows = project.delete_label(figure.id)
    assert project.get_claim(claim.id).label_ids == ()
    project.restore_rows(rows)
    assert project.get_claim(claim.id).label_ids == (figure.id,)
    assert project.list_labels()[0] == figure


def test_an_edit_that_clashes_is_refused_not_crashed(project: ProjectService) -> None:
    figure, event = project.list_labels()[:2]
    for clash, message in ((dataclasses.replace(event, name="FIGURE"), "already a label"),
                           (dataclasses.replace(event, shortcut=figure.shortcut),
                            "already the shortcut")):
        assert message in (project.label_refusal(clash) or "")
        with pytest.raises(InvalidEdit, match=message):
            project.update_label(clash)
    assert project.list_labels()[:2] == [figure, event]
    assert project.label_refusal(dataclasses.replace(event, name="Events")) is None

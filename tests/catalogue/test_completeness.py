"""Publication is refused, naming the element, whenever a mandatory EU standard element is missing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from mc_lms_bridge.catalogue.completeness import VersionFacts, publication_errors

COMPLETE = VersionFacts(
    title={"en": "Data Literacy"}, languages=["en"], awarding_body_count=1, learning_outcome_count=3,
    ects_credits=Decimal("5"), workload_hours=130, eqf_level="5", nqf_level="", qf_ehea_cycle="",
    assessment_type="project-work", participation_mode="online", learning_setting="formal", qa_type="programme",
    issuer_country="BE",
)

# (fact removed, field reported, words that name the EU element)
MANDATORY = [
    ({"title": {}}, "title", "Title"),
    ({"languages": []}, "languages", "Language"),
    ({"awarding_body_count": 0}, "awarding_bodies", "Awarding body"),
    ({"learning_outcome_count": 0}, "learning_outcomes", "Learning outcomes"),
    ({"ects_credits": None, "workload_hours": None}, "ects_credits", "Notional workload"),
    ({"eqf_level": ""}, "eqf_level", "Level"),
    ({"assessment_type": ""}, "assessment_type", "Type of assessment"),
    ({"participation_mode": ""}, "participation_mode", "Form of participation"),
    ({"learning_setting": ""}, "learning_setting", "Form of participation"),
    ({"qa_type": ""}, "qa_type", "Type of quality assurance"),
    ({"issuer_country": ""}, "organisation", "Country of the issuer"),
]


def test_complete_version_is_publishable():
    assert publication_errors(COMPLETE) == {}


@pytest.mark.parametrize(("removed", "field", "element_words"), MANDATORY, ids=[m[1] + "-" + m[2] for m in MANDATORY])
def test_each_missing_mandatory_element_is_named(removed, field, element_words):
    errors = publication_errors(replace(COMPLETE, **removed))
    assert list(errors) == [field]
    assert element_words in errors[field]


def test_all_missing_elements_are_reported_at_once():
    empty = VersionFacts(title={}, languages=[], awarding_body_count=0, learning_outcome_count=0,
                         ects_credits=None, workload_hours=None, eqf_level="", nqf_level="", qf_ehea_cycle="",
                         assessment_type="", participation_mode="", learning_setting="", qa_type="",
                         issuer_country="")
    assert set(publication_errors(empty)) == {m[1] for m in MANDATORY}


@pytest.mark.parametrize("level", [{"nqf_level": "NQF 6"}, {"qf_ehea_cycle": "first"}])
def test_level_may_be_given_as_nqf_or_qf_ehea_instead_of_eqf(level):
    assert publication_errors(replace(COMPLETE, eqf_level="", **level)) == {}


@pytest.mark.parametrize(("ects", "hours", "ok"), [
    (Decimal("5"), 125, True), (Decimal("5"), 150, True), (Decimal("5"), 124, False), (Decimal("5"), 151, False),
    (Decimal("5"), None, True), (None, 40, True), (Decimal("0"), None, False),
])
def test_workload_must_be_consistent_with_ects_definition(ects, hours, ok):
    errors = publication_errors(replace(COMPLETE, ects_credits=ects, workload_hours=hours))
    assert ("ects_credits" not in errors) is ok

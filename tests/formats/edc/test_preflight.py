"""missing_elements names every mandatory EU element a record lacks, and the builder refuses to guess."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from mc_lms_bridge.formats.edc import EdcBuildError, missing_elements
from mc_lms_bridge.formats.record import LearningOutcomeRecord, QualityAssuranceRecord, lang_text

from ..sample_records import (
    minimal_microcredential,
    sample_award,
    sample_issuer,
    sample_learner,
    sample_microcredential,
)
from .conftest import build


def without_issuer(**changes):
    """The sample micro-credential whose issuer (not its awarding body) lacks something."""
    return sample_microcredential(issuer=sample_issuer(**changes), awarding_bodies=(sample_issuer(),))


def outcomes_with_blank_second():
    outcomes = list(sample_microcredential().learning_outcomes)
    outcomes[1] = LearningOutcomeRecord(text=lang_text({}))
    return tuple(outcomes)


# (case id, microcredential, learner, award, element name expected in the report)
CASES = [
    ("given-name", sample_microcredential(), sample_learner(given_name=""), sample_award(),
     "given name of the learner"),
    ("family-name", sample_microcredential(), sample_learner(family_name=" "), sample_award(),
     "family name of the learner"),
    ("title", sample_microcredential(title=lang_text({})), sample_learner(), sample_award(), "title"),
    ("issuer-legal-name", without_issuer(legal_name=lang_text({})), sample_learner(), sample_award(),
     "legal name of the issuer"),
    ("issuer-country", without_issuer(country=""), sample_learner(), sample_award(), "country of the issuer"),
    ("issuer-eidas", without_issuer(legal_identifier=""), sample_learner(), sample_award(),
     "legal (eIDAS) identifier of the issuer"),
    ("awarding-body", sample_microcredential(awarding_bodies=()), sample_learner(), sample_award(),
     "awarding body"),
    ("awarding-body-country",
     sample_microcredential(awarding_bodies=(sample_issuer(id="other", country=""),)),
     sample_learner(), sample_award(), "country of the awarding body 1"),
    ("learning-outcomes", sample_microcredential(learning_outcomes=()), sample_learner(), sample_award(),
     "learning outcomes"),
    ("learning-outcome-text", sample_microcredential(learning_outcomes=outcomes_with_blank_second()),
     sample_learner(), sample_award(), "text of learning outcome 2"),
    ("workload", sample_microcredential(ects_credits=None, workload_hours=None), sample_learner(),
     sample_award(), "notional workload (ECTS credits or hours)"),
    ("assessment-type", sample_microcredential(assessment_type=""), sample_learner(), sample_award(),
     "type of assessment"),
    ("participation", sample_microcredential(participation_mode=""), sample_learner(), sample_award(),
     "form of participation"),
    ("learning-setting", sample_microcredential(learning_setting=""), sample_learner(), sample_award(),
     "learning setting"),
    ("qa-type", sample_microcredential(quality_assurance=QualityAssuranceRecord(qa_type="")),
     sample_learner(), sample_award(), "type of quality assurance"),
    ("awarding-date", sample_microcredential(), sample_learner(),
     sample_award(awarded_at=datetime(2025, 6, 30, 12, 0)), "date of awarding (with time zone)"),
]


def test_complete_and_minimal_records_miss_nothing():
    assert missing_elements(sample_microcredential(), sample_learner(), sample_award()) == []
    assert missing_elements(minimal_microcredential(), sample_learner(), sample_award(grade="")) == []


@pytest.mark.parametrize(("mc", "learner", "award", "element"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_missing_mandatory_element_is_named(mc, learner, award, element):
    assert missing_elements(mc, learner, award) == [element]
    with pytest.raises(EdcBuildError) as raised:
        build(mc=mc, learner=learner, award=award)
    assert element in str(raised.value)


def test_all_missing_elements_are_named_at_once():
    mc = sample_microcredential(title=lang_text({}), learning_outcomes=(), learning_setting="")
    assert missing_elements(mc, sample_learner(given_name=""), sample_award()) == [
        "given name of the learner",
        "title",
        "learning outcomes",
        "learning setting",
    ]


def test_unknown_vocabulary_codes_are_named():
    mc = sample_microcredential(eqf_level=9, supervision="proctored-by-cat", languages=("en", "xx"))
    assert missing_elements(mc, sample_learner(), sample_award()) == [
        "EQF level ('9' is not an EU vocabulary code)",
        "supervision and identity verification ('proctored-by-cat' is not an EU vocabulary code)",
        "language of the micro-credential ('xx' is not an EU vocabulary code)",
    ]


def test_the_issuer_passed_to_the_builder_is_the_one_checked():
    mc = sample_microcredential()
    assert missing_elements(mc, sample_learner(), sample_award(), issuer=replace(mc.issuer, country="")) == [
        "country of the issuer"
    ]


def test_a_title_in_an_unknown_language_is_named():
    mc = sample_microcredential(title=lang_text({"en": "Data Literacy", "zz": "???"}))
    assert missing_elements(mc, sample_learner(), sample_award()) == [
        "language of the title ('zz' is not an EU vocabulary code)"
    ]

"""Every credential the builder produces conforms to the ELM 3.2 EDC shapes, for every vocabulary value."""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.edc import validate_edc
from mc_lms_bridge.formats.edc.display import PLACEHOLDER_PNG
from mc_lms_bridge.formats.record import LearningOutcomeRecord, QualityAssuranceRecord, lang_text

from ..sample_records import minimal_microcredential, sample_award, sample_issuer, sample_learner
from .conftest import build, load_json


def codes(name: str) -> list[str]:
    """Every code of one of our EU vocabularies."""
    return [code for code, _label in vocab.get(name).choices()]


def assert_conforms(credential: dict) -> None:
    report = validate_edc(credential)
    assert report.conforms, report.messages


# One credential per vocabulary value (not the cross product), on top of the fully populated sample.
VOCABULARY_CASES = (
    [(f"mode-{c}", {"participation_mode": c}) for c in codes("participation_mode")]
    + [(f"setting-{c}", {"learning_setting": c}) for c in codes("learning_setting")]
    + [(f"assessment-{c}", {"assessment_type": c}) for c in codes("assessment_type")]
    + [(f"qa-{c}", {"quality_assurance": QualityAssuranceRecord(qa_type=c, body_name="QA Agency")})
       for c in codes("qa_type")]
    + [(f"supervision-{c or 'none'}", {"supervision": c}) for c in [*codes("supervision"), ""]]
    + [(f"eqf-{c}", {"eqf_level": int(c)}) for c in codes("eqf")]
    + [("eqf-none", {"eqf_level": None})]
)


def test_the_matrix_covers_every_value_of_each_vocabulary():
    names = {case_id for case_id, _ in VOCABULARY_CASES}
    assert {f"eqf-{level}" for level in range(1, 9)} <= names
    assert {"mode-online", "mode-blended", "mode-presential", "mode-work-based"} <= names
    assert {"setting-formal", "setting-non-formal", "qa-programme", "qa-institutional"} <= names
    assert len([n for n in names if n.startswith("assessment-")]) == len(codes("assessment_type")) > 5


@pytest.mark.parametrize("changes", [c for _, c in VOCABULARY_CASES], ids=[i for i, _ in VOCABULARY_CASES])
def test_each_vocabulary_value_conforms(changes):
    assert_conforms(build(**changes))


OTHER_BODY = sample_issuer(id="partner", legal_name=lang_text({"de": "Partner-Hochschule"}), country="DE",
                           legal_identifier="", homepage="", email="")

OPTIONAL_CASES = {
    "all-optional-absent": dict(mc=minimal_microcredential(), award=sample_award(grade="", evidence=())),
    "ungraded": dict(award=sample_award(grade="")),
    "learner-without-email": dict(learner=sample_learner(email="")),
    "learner-with-did": dict(learner=sample_learner(subject_id="did:web:wallet.example:u:42")),
    "issuer-without-homepage-and-email": dict(issuer=sample_issuer(homepage="", email="")),
    "no-description": dict(description=lang_text({})),
    "credits-only": dict(ects_credits=Decimal("2.5"), workload_hours=None),
    "hours-only": dict(ects_credits=None, workload_hours=40),
    "single-language": dict(languages=("en",), title=lang_text({"en": "Data Literacy"})),
    "no-language-of-instruction": dict(languages=()),
    "qa-without-body-or-url": dict(quality_assurance=QualityAssuranceRecord(qa_type="institutional")),
    "outcome-without-esco": dict(learning_outcomes=(LearningOutcomeRecord(text=lang_text({"en": "Reads data."})),)),
    "standalone": dict(stackability="standalone"),
    "with-display-image": dict(display_image_png=PLACEHOLDER_PNG),
    "with-validity": dict(valid_for_days=730),
    "two-awarding-bodies": dict(awarding_bodies=(sample_issuer(), OTHER_BODY)),
    "one-field-of-education-no-nqf": dict(isced_f_codes=("0613",), nqf_level=""),
    "broad-narrow-and-detailed-fields": dict(isced_f_codes=("06", "061", "0613")),
    "nqf-framework-concept": dict(nqf_level="c_01169e3f"),  # Irish National Framework of Qualifications
    "free-text-nqf-of-an-older-version": dict(nqf_level="Level 6"),
}


@pytest.mark.parametrize("arguments", list(OPTIONAL_CASES.values()), ids=list(OPTIONAL_CASES))
def test_each_optional_element_present_or_absent_conforms(arguments):
    assert_conforms(build(**arguments))


def test_the_fully_populated_sample_conforms(sample_credential):
    assert validate_edc(sample_credential).violations == ()


def test_the_constructed_reference_sample_conforms():
    assert_conforms(load_json("minimal-microcredential-elm32.jsonld"))


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    mode=st.sampled_from(codes("participation_mode")),
    setting=st.sampled_from(codes("learning_setting")),
    assessment=st.sampled_from(codes("assessment_type")),
    qa=st.sampled_from(codes("qa_type")),
    supervision=st.sampled_from([*codes("supervision"), ""]),
    eqf=st.sampled_from([None, *range(1, 9)]),
    grade=st.sampled_from(["", "A", "17/20"]),
)
def test_random_combinations_conform(mode, setting, assessment, qa, supervision, eqf, grade):
    mc = replace(
        minimal_microcredential(),
        participation_mode=mode,
        learning_setting=setting,
        assessment_type=assessment,
        quality_assurance=QualityAssuranceRecord(qa_type=qa),
        supervision=supervision,
        eqf_level=eqf,
    )
    assert_conforms(build(mc=mc, award=sample_award(grade=grade)))


def test_thematic_area_and_nqf_level_are_checked_against_their_eu_schemes(sample_credential):
    """The EDC shapes restrict both to their schemes: a concept of another scheme is a violation."""
    credential = copy.deepcopy(sample_credential)
    qualification = credential["credentialSubject"]["hasClaim"][0]["specifiedBy"]
    assert qualification["thematicArea"] and qualification["nqfLevel"]
    assert_conforms(credential)
    wrong = {"id": "http://data.europa.eu/snb/eqf/25831c2", "type": "ConceptScheme"}
    qualification["thematicArea"][0]["inScheme"] = wrong
    qualification["nqfLevel"]["inScheme"] = wrong
    messages = " ".join(validate_edc(credential).messages)
    assert "The field of education (ISCED-F) of the qualification is not taken from" in messages, messages
    assert "The NQF level of the qualification is not taken from" in messages, messages

"""The OB3 credential's shape: schema validity, optional parts, dates, status entries and bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.ob3 import OB3RecordError, extract_eu_elements, validate_ob3_schema
from mc_lms_bridge.formats.record import LearningOutcomeRecord, lang_text

from ..sample_records import minimal_microcredential, sample_award, sample_learner, sample_microcredential
from .credentials import NOW, sample_credential

STATUS_ENTRY = {
    "id": "https://badges.univ-example.be/status/1#94567",
    "type": "BitstringStatusListEntry",
    "statusPurpose": "revocation",
    "statusListIndex": "94567",
    "statusListCredential": "https://badges.univ-example.be/status/1",
}
OPTIONAL_TARGET_TYPES = (
    "ext:Prerequisites",
    "ext:FurtherInformation",
    "ext:SupervisionAndIdVerification",
    "ext:NQFLevel",
    "ext:QFEHEACycle",
)


def target_types(credential: dict) -> list[str]:
    return [item["targetType"] for item in credential["credentialSubject"]["achievement"]["alignment"]]


def test_sample_credential_validates_against_the_achievement_credential_schema():
    assert validate_ob3_schema(sample_credential(status_entries=[STATUS_ENTRY])) == []


def test_minimal_credential_validates_and_leaves_out_every_absent_optional_element():
    credential = sample_credential(
        microcredential=minimal_microcredential(), award=sample_award(grade="", evidence=())
    )
    achievement = credential["credentialSubject"]["achievement"]
    assert validate_ob3_schema(credential) == []
    assert not set(OPTIONAL_TARGET_TYPES) & set(target_types(credential))
    assert "resultDescription" not in achievement
    assert "result" not in credential["credentialSubject"]
    assert "evidence" not in credential
    assert "credentialStatus" not in credential
    assert "validUntil" not in credential
    assert achievement["tag"] == ["standalone"]
    extracted = extract_eu_elements(credential)
    for key in ("prerequisites", "further_information", "supervision", "grade", "grading_scheme", "homepage"):
        assert extracted[key] is None, key


def test_sample_credential_carries_every_optional_target_type():
    assert set(OPTIONAL_TARGET_TYPES) <= set(target_types(sample_credential()))


def test_grade_without_grading_scheme_gives_a_result_without_result_description():
    microcredential = replace(sample_microcredential(), grading_scheme=lang_text({}))
    credential = sample_credential(microcredential=microcredential)
    assert credential["credentialSubject"]["result"] == [{"type": ["Result"], "value": "8.5/10"}]
    assert "resultDescription" not in credential["credentialSubject"]["achievement"]
    assert validate_ob3_schema(credential) == []


def test_context_type_and_credential_schema_are_the_official_ones():
    credential = sample_credential()
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["credentialSchema"] == [
        {
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }
    ]
    assert credential["id"] == sample_award().credential_id
    assert credential["credentialSubject"]["achievement"]["achievementType"] == "MicroCredential"


def test_valid_for_days_sets_valid_until():
    credential = sample_credential(microcredential=replace(sample_microcredential(), valid_for_days=365))
    assert credential["validUntil"] == "2026-06-30T12:00:00Z"
    assert extract_eu_elements(credential)["valid_until"] == "2026-06-30T12:00:00Z"


def test_one_status_entry_is_an_object_and_several_are_a_list():
    suspension = {**STATUS_ENTRY, "statusPurpose": "suspension"}
    assert sample_credential(status_entries=[STATUS_ENTRY])["credentialStatus"] == STATUS_ENTRY
    assert sample_credential(status_entries=[STATUS_ENTRY, suspension])["credentialStatus"] == [
        STATUS_ENTRY,
        suspension,
    ]


def test_outcome_without_esco_skill_is_aligned_to_its_anchor_on_the_achievement_page():
    outcome = LearningOutcomeRecord(text=lang_text({"en": 'Explain the GDPR <basics> & "rights".'}))
    microcredential = replace(sample_microcredential(), learning_outcomes=(outcome,))
    credential = sample_credential(microcredential=microcredential)
    assert extract_eu_elements(credential)["learning_outcomes"] == [
        {"text": 'Explain the GDPR <basics> & "rights".', "esco_skill_uri": None}
    ]
    assert validate_ob3_schema(credential) == []


def test_strings_follow_the_first_language_of_the_record():
    microcredential = replace(sample_microcredential(), languages=("fr", "en"))
    credential = sample_credential(microcredential=microcredential)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == microcredential.title["fr"]
    assert achievement["inLanguage"] == "fr"
    assert credential["issuer"]["name"] == "Université d'Exemple"
    assert credential["issuer"]["address"]["addressCountry"] == vocab.get("country").label("BE", "fr")
    assert "## Acquis d'apprentissage" in achievement["criteria"]["narrative"]
    assert [item["inLanguage"] for item in achievement["related"]] == ["en"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda mc, aw: (replace(mc, learning_outcomes=()), aw), "no learning outcomes"),
        (lambda mc, aw: (replace(mc, languages=()), aw), "lists no language"),
        (lambda mc, aw: (replace(mc, title=lang_text({})), aw), "title is empty"),
        (lambda mc, aw: (replace(mc, ects_credits=None, workload_hours=None), aw), "neither ECTS"),
        (lambda mc, aw: (replace(mc, qf_ehea_cycle="fourth"), aw), "QF-EHEA cycle"),
        (lambda mc, aw: (replace(mc, stackability="maybe"), aw), "Stackability"),
        (lambda mc, aw: (replace(mc, valid_for_days=0), aw), "positive number of days"),
        (lambda mc, aw: (mc, replace(aw, awarded_at=datetime(2025, 6, 30))), "timezone-aware"),
        (lambda mc, aw: (mc, replace(aw, awarded_at=NOW + timedelta(days=1))), "after the issuing time"),
    ],
)
def test_bad_records_raise_a_specific_error(change, message):
    microcredential, award = change(sample_microcredential(), sample_award())
    with pytest.raises(OB3RecordError, match=message):
        sample_credential(microcredential=microcredential, award=award)


def test_unknown_vocabulary_code_raises_the_vocabulary_error():
    with pytest.raises(vocab.UnknownConcept):
        sample_credential(microcredential=replace(sample_microcredential(), participation_mode="telepathic"))


def test_learner_without_email_has_no_identifier_but_keeps_the_subject_id():
    credential = sample_credential(learner=sample_learner(email=""))
    assert "identifier" not in credential["credentialSubject"]
    assert credential["credentialSubject"]["id"] == sample_learner().subject_id
    assert validate_ob3_schema(credential) == []

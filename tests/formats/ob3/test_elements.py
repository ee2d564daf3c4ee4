"""Every EU standard element of the records reaches the OB3 credential, read directly and via extraction."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.ob3 import extract_eu_elements
from mc_lms_bridge.formats.ob3.alignments import NQF_URL, field_of_education_alignments, level_alignments

from ..sample_records import sample_award, sample_learner, sample_microcredential
from .credentials import SALT, sample_credential

MC = sample_microcredential()
AWARD = sample_award()
LEARNER = sample_learner()
CREDENTIAL = sample_credential()
ACHIEVEMENT = CREDENTIAL["credentialSubject"]["achievement"]
EXTRACTED = extract_eu_elements(CREDENTIAL)
EMAIL_HASH = "sha256$" + hashlib.sha256((LEARNER.email + SALT).encode()).hexdigest()


def aligned(target_type: str, field: str = "targetUrl") -> list:
    """Values of one field over the achievement's alignments of one targetType (read directly)."""
    return [item[field] for item in ACHIEVEMENT["alignment"] if item["targetType"] == target_type]


# (element, value read by a direct JSON path, value extracted, value expected from the records)
MANDATORY = [
    ("learner id", CREDENTIAL["credentialSubject"]["id"], EXTRACTED["learner"]["id"], LEARNER.subject_id),
    (
        "learner hashed email",
        CREDENTIAL["credentialSubject"]["identifier"][0]["identityHash"],
        EXTRACTED["learner"]["identity_hash"],
        EMAIL_HASH,
    ),
    ("title", ACHIEVEMENT["name"], EXTRACTED["title"], MC.title["en"]),
    ("credential name", CREDENTIAL["name"], EXTRACTED["title"], MC.title["en"]),
    (
        "issuer country",
        CREDENTIAL["issuer"]["address"]["addressCountryCode"],
        EXTRACTED["issuer"]["country_code"],
        MC.issuer.country,
    ),
    (
        "issuer region",
        CREDENTIAL["issuer"]["address"]["addressRegion"],
        EXTRACTED["issuer"]["region"],
        MC.issuer.region,
    ),
    ("issuer", CREDENTIAL["issuer"]["id"], EXTRACTED["issuer"]["id"], MC.issuer.did),
    (
        "awarding body",
        ACHIEVEMENT["creator"]["id"],
        EXTRACTED["awarding_bodies"][0]["id"],
        MC.awarding_bodies[0].did,
    ),
    ("date of issuing", CREDENTIAL["validFrom"], EXTRACTED["issued_at"], "2025-06-30T12:00:00Z"),
    ("date of award", CREDENTIAL["awardedDate"], EXTRACTED["awarded_at"], "2025-06-30T12:00:00Z"),
    (
        "learning outcome ESCO skills",
        aligned("ext:ESCOSkill"),
        [outcome["esco_skill_uri"] for outcome in EXTRACTED["learning_outcomes"]],
        [outcome.esco_skill_uri for outcome in MC.learning_outcomes],
    ),
    (
        "learning outcome texts",
        aligned("ext:ESCOSkill", "targetName"),
        [outcome["text"] for outcome in EXTRACTED["learning_outcomes"]],
        [outcome.text["en"] for outcome in MC.learning_outcomes],
    ),
    ("ECTS credits", ACHIEVEMENT["creditsAvailable"], EXTRACTED["ects_credits"], 5.0),
    ("credits earned", CREDENTIAL["credentialSubject"]["creditsEarned"], EXTRACTED["credits_earned"], 5.0),
    (
        "workload hours",
        aligned("ext:NotionalWorkload", "targetCode"),
        [f"PT{EXTRACTED['workload_hours']}H"],
        [f"PT{MC.workload_hours}H"],
    ),
    (
        "credit framework",
        aligned("ext:CreditFramework"),
        [EXTRACTED["credit_framework"]["uri"]],
        [vocab.get("credit_framework").uri("ects")],
    ),
    (
        "EQF level URI",
        aligned("ext:EQFLevel"),
        [EXTRACTED["eqf_level"]["uri"]],
        ["http://data.europa.eu/snb/eqf/6"],
    ),
    ("EQF level code", aligned("ext:EQFLevel", "targetCode"), [EXTRACTED["eqf_level"]["code"]], ["6"]),
    (
        "assessment type",
        aligned("ext:AssessmentType"),
        [EXTRACTED["assessment_type"]["uri"]],
        [vocab.get("assessment_type").uri(MC.assessment_type)],
    ),
    (
        "participation mode",
        aligned("ext:ParticipationMode"),
        [EXTRACTED["participation_mode"]["uri"]],
        ["http://data.europa.eu/snb/learning-assessment/920fbb3cbe"],
    ),
    (
        "learning setting",
        aligned("ext:LearningSetting"),
        [EXTRACTED["learning_setting"]["uri"]],
        ["http://data.europa.eu/snb/learning-setting/e207a81fc7"],
    ),
    (
        "quality assurance type",
        aligned("ext:QualityAssuranceType"),
        [EXTRACTED["quality_assurance"]["uri"]],
        ["http://data.europa.eu/snb/accreditation/820101cba6"],
    ),
    (
        "quality assurance body",
        aligned("ext:QualityAssuranceType", "targetDescription"),
        [EXTRACTED["quality_assurance"]["body_name"]],
        [MC.quality_assurance.body_name],
    ),
    (
        "quality assurance URL",
        aligned("ext:QualityAssuranceBody"),
        [EXTRACTED["quality_assurance"]["url"]],
        [MC.quality_assurance.url],
    ),
]


@pytest.mark.parametrize(
    ("direct", "extracted", "expected"), [m[1:] for m in MANDATORY], ids=[m[0] for m in MANDATORY]
)
def test_mandatory_element_matches_the_record(direct, extracted, expected):
    assert direct == expected
    assert extracted == expected


OPTIONAL = [
    ("prerequisites", "ext:Prerequisites", MC.prerequisites["en"]),
    ("further_information", "ext:FurtherInformation", MC.further_information["en"]),
    ("supervision", "ext:SupervisionAndIdVerification", vocab.get("supervision").concept(MC.supervision)),
    ("nqf_level", "ext:NQFLevel", MC.nqf_level),
    ("qf_ehea_cycle", "ext:QFEHEACycle", MC.qf_ehea_cycle),
]


@pytest.mark.parametrize(("key", "target_type", "expected"), OPTIONAL, ids=[o[0] for o in OPTIONAL])
def test_optional_element_present_in_the_sample_is_carried(key, target_type, expected):
    assert len(aligned(target_type)) == 1
    value = EXTRACTED[key]
    if key == "supervision":
        assert (value["code"], value["uri"]) == (expected.code, expected.uri)
    else:
        assert value == expected


def test_grade_and_grading_scheme_are_carried():
    result = CREDENTIAL["credentialSubject"]["result"]
    description = ACHIEVEMENT["resultDescription"]
    assert result == [{"type": ["Result"], "value": "8.5/10", "resultDescription": description[0]["id"]}]
    assert description[0]["name"] == MC.grading_scheme["en"]
    assert (EXTRACTED["grade"], EXTRACTED["grading_scheme"]) == (AWARD.grade, MC.grading_scheme["en"])


def test_stackability_homepage_and_languages_are_carried():
    assert ACHIEVEMENT["tag"] == ["stackable"]
    assert EXTRACTED["stackability"] == MC.stackability
    assert EXTRACTED["homepage"] == MC.homepage
    assert EXTRACTED["languages"] == list(MC.languages)
    assert aligned("ext:InstructionLanguage") == [vocab.get("language").uri(code) for code in MC.languages]
    assert ACHIEVEMENT["inLanguage"] == "en"
    assert [(item["inLanguage"], item["type"]) for item in ACHIEVEMENT["related"]] == [("fr", ["Related"])]


def test_criteria_narrative_lists_every_learning_outcome_and_the_prerequisites():
    narrative = ACHIEVEMENT["criteria"]["narrative"]
    for number, outcome in enumerate(MC.learning_outcomes, start=1):
        assert f"{number}. {outcome.text['en']}" in narrative
    assert MC.prerequisites["en"] in narrative


def test_evidence_comes_from_the_award():
    evidence = AWARD.evidence[0]
    assert CREDENTIAL["evidence"] == [
        {"id": evidence.id, "type": ["Evidence"], "name": evidence.name, "narrative": evidence.narrative}
    ]


def test_nqf_level_concept_is_aligned_to_its_qdr_uri_and_label():
    (nqf,) = [item for item in ACHIEVEMENT["alignment"] if item["targetType"] == "ext:NQFLevel"]
    assert (nqf["targetCode"], nqf["targetUrl"], nqf["targetName"]) == (
        "c_c392e7a2", "http://data.europa.eu/snb/qdr/c_c392e7a2", "RQF Level 6")
    assert "QDR" in nqf["targetFramework"]
    assert EXTRACTED["nqf_concept"] == {"code": "c_c392e7a2", "uri": "http://data.europa.eu/snb/qdr/c_c392e7a2",
                                        "label": "RQF Level 6", "description": None}


def test_each_isced_f_field_of_education_gets_an_alignment_and_is_extracted():
    fields = [item for item in ACHIEVEMENT["alignment"] if item["targetType"] == "ext:ISCEDFCode"]
    assert [(f["targetCode"], f["targetUrl"], f["targetName"], f["targetFramework"]) for f in fields] == [
        ("0613", "http://data.europa.eu/snb/isced-f/0613", "Software and applications development and analysis",
         "ISCED-F 2013"),
        ("0542", "http://data.europa.eu/snb/isced-f/0542", "Statistics", "ISCED-F 2013"),
    ]
    assert EXTRACTED["isced_f_codes"] == list(MC.isced_f_codes) == ["0613", "0542"]
    assert [field["uri"] for field in EXTRACTED["fields_of_education"]] == [f["targetUrl"] for f in fields]


def test_a_free_text_nqf_level_of_an_older_version_keeps_its_text_alignment():
    legacy = replace(MC, nqf_level="6", isced_f_codes=())
    (nqf,) = [item for item in level_alignments(legacy, "en") if item["targetType"] == "ext:NQFLevel"]
    assert (nqf["targetName"], nqf["targetUrl"], nqf["targetCode"]) == ("NQF level 6", NQF_URL, "6")
    assert nqf["targetFramework"] == "National qualifications framework of Belgium"
    assert field_of_education_alignments(legacy, "en") == []

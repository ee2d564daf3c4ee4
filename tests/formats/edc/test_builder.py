"""The EDC builder puts every EU standard element where ELM 3.2 expects it, deterministically."""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from mc_lms_bridge.formats.edc import EdcBuildError
from mc_lms_bridge.formats.edc.display import PLACEHOLDER_PNG
from mc_lms_bridge.formats.edc.rdf import undefined_terms
from mc_lms_bridge.formats.record import QualityAssuranceRecord, lang_text

from ..sample_records import minimal_microcredential, sample_award, sample_learner, sample_microcredential
from .conftest import build

PNG = PLACEHOLDER_PNG  # a real PNG file


def claim(credential: dict) -> dict:
    return credential["credentialSubject"]["hasClaim"][0]


def qualification(credential: dict) -> dict:
    return claim(credential)["specifiedBy"]


def assessment(credential: dict) -> dict:
    return claim(credential)["provenBy"][0]


def test_envelope_matches_the_official_samples(sample_credential):
    assert sample_credential["@context"] == [
        "https://www.w3.org/2018/credentials/v1",
        "http://data.europa.eu/snb/model/context/edc-ap",
    ]
    assert sample_credential["type"] == ["VerifiableCredential", "EuropeanDigitalCredential"]
    assert sample_credential["id"] == "urn:credential:5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170"
    profile = sample_credential["credentialProfiles"][0]
    assert profile["id"] == "http://data.europa.eu/snb/credential/e34929035b"
    assert profile["inScheme"]["id"] == "http://data.europa.eu/snb/credential/25831c2"
    assert sample_credential["credentialSchema"] == [
        {"id": "http://data.europa.eu/snb/model/ap/edc-generic-full", "type": "ShaclValidator2017"}
    ]
    assert "proof" not in sample_credential


def test_dates_come_from_the_clock_and_the_award(sample_credential):
    assert sample_credential["issued"] == sample_credential["validFrom"] == "2025-07-01T08:30:00Z"
    assert sample_credential["issuanceDate"] == "2025-07-01T08:30:00Z"
    assert claim(sample_credential)["awardedBy"]["awardingDate"] == "2025-06-30T12:00:00Z"
    assert "validUntil" not in sample_credential


def test_validity_period_sets_valid_until():
    credential = build(valid_for_days=365)
    assert credential["validUntil"] == "2026-07-01T08:30:00Z"


def test_same_input_gives_the_same_output_and_other_awards_other_ids():
    assert json.dumps(build(), sort_keys=True) == json.dumps(build(), sort_keys=True)
    other = build(award=sample_award(id="11111111-2222-4333-8444-555555555555"))
    assert other["id"] != build()["id"]
    assert claim(other)["id"] != claim(build())["id"]
    assert qualification(other)["id"] == qualification(build())["id"]  # same micro-credential version


def test_node_ids_are_epass_urns(sample_credential):
    ids = []

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                ids.append(node["id"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(sample_credential)
    local = [i for i in ids if not i.startswith(("http://", "https://", "mailto:", "urn:credential:"))]
    assert local and all(i.startswith("urn:epass:") for i in local)


def test_learner_is_a_person_with_language_maps_and_email(sample_credential):
    person = sample_credential["credentialSubject"]
    assert person["type"] == "Person"
    assert person["givenName"] == {"en": "Amélie"}
    assert person["familyName"] == {"en": "Dupont"}
    assert person["fullName"] == {"en": "Amélie Dupont"}
    assert person["contactPoint"][0]["emailAddress"][0]["id"] == "mailto:amelie.dupont@example.org"
    assert person["id"].startswith("urn:epass:person:")


def test_learner_did_is_kept_and_email_is_optional():
    learner = sample_learner(subject_id="did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", email="")
    person = build(learner=learner)["credentialSubject"]
    assert person["id"] == learner.subject_id
    assert "contactPoint" not in person


def test_issuer_has_legal_name_eidas_identifier_and_country(sample_credential):
    issuer = sample_credential["issuer"]
    assert issuer["legalName"] == {"en": "University of Example", "fr": "Université d'Exemple"}
    eidas = issuer["eIDASIdentifier"]
    assert eidas["type"] == "LegalIdentifier" and eidas["notation"] == "BE0123456789"
    belgium = "http://publications.europa.eu/resource/authority/country/BEL"
    assert eidas["spatial"]["id"] == belgium
    assert issuer["location"][0]["address"]["countryCode"]["id"] == belgium
    assert issuer["homepage"][0]["contentURL"] == "https://www.univ-example.be"


def test_awarding_bodies_are_all_listed():
    mc = sample_microcredential()
    partner = replace(mc.issuer, id="partner-1", legal_name=lang_text({"de": "Partner-Hochschule"}), country="DE")
    credential = build(awarding_bodies=(mc.issuer, partner))
    bodies = claim(credential)["awardedBy"]["awardingBody"]
    assert [b["legalName"] for b in bodies] == [dict(mc.issuer.legal_name), {"de": "Partner-Hochschule"}]
    assert bodies[1]["location"][0]["address"]["countryCode"]["id"].endswith("/country/DEU")


def test_qualification_carries_the_programme_elements(sample_credential):
    q = qualification(sample_credential)
    assert q["type"] == "Qualification"
    assert q["title"]["fr"] == "Littératie des données pour professionnels"
    assert len(q["learningOutcome"]) == 5
    first = q["learningOutcome"][0]
    assert first["title"]["en"].startswith("Use spreadsheet software")
    skill = first["relatedESCOSkill"][0]
    assert skill["id"] == "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be"
    assert skill["inScheme"]["id"] == "http://data.europa.eu/esco/concept-scheme/skills"
    assert q["eqfLevel"]["id"] == "http://data.europa.eu/snb/eqf/6"
    assert q["creditPoint"][0]["point"] == "5"
    assert q["creditPoint"][0]["framework"]["id"] == "http://data.europa.eu/snb/education-credit/6fcec5c5af"
    assert q["volumeOfLearning"] == "PT125H"
    assert q["mode"][0]["id"] == "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
    assert q["learningSetting"]["id"] == "http://data.europa.eu/snb/learning-setting/e207a81fc7"
    assert q["isPartialQualification"] is True
    assert [lang["id"][-3:] for lang in q["language"]] == ["ENG", "FRA"]
    assert q["entryRequirement"]["noteLiteral"]["en"] == "Secondary school mathematics."
    assert q["additionalNote"][0]["noteLiteral"]["en"].startswith("Indicative content")
    assert q["homepage"][0]["contentURL"] == "https://www.univ-example.be/courses/data-literacy"
    assert [area["id"] for area in q["thematicArea"]] == [
        "http://data.europa.eu/snb/isced-f/0613", "http://data.europa.eu/snb/isced-f/0542"]
    assert {area["inScheme"]["id"] for area in q["thematicArea"]} == {"http://data.europa.eu/snb/isced-f/25831c2"}
    assert q["thematicArea"][1]["prefLabel"] == {"en": "Statistics"}
    assert q["nqfLevel"] == {"id": "http://data.europa.eu/snb/qdr/c_c392e7a2", "type": "Concept",
                             "inScheme": {"id": "http://data.europa.eu/snb/qdr/25831c2", "type": "ConceptScheme"},
                             "prefLabel": {"en": "RQF Level 6"}}


def test_quality_assurance_becomes_an_accreditation(sample_credential):
    accreditation = qualification(sample_credential)["accreditation"][0]
    assert accreditation["dcType"]["id"] == "http://data.europa.eu/snb/accreditation/820101cba6"
    assert "NVAO" in accreditation["title"]["en"]
    assert accreditation["accreditingAgent"]["legalName"]["en"].startswith("NVAO")
    assert accreditation["homepage"][0]["contentURL"] == "https://www.nvao.net/en"


def test_internal_quality_assurance_names_the_issuer_as_accrediting_agent():
    credential = build(quality_assurance=QualityAssuranceRecord(qa_type="institutional"))
    accreditation = qualification(credential)["accreditation"][0]
    assert accreditation["accreditingAgent"]["id"] == credential["issuer"]["id"]
    assert "homepage" not in accreditation


def test_assessment_has_grade_type_and_identity_verification(sample_credential):
    a = assessment(sample_credential)
    assert a["grade"]["noteLiteral"] == {"en": "8.5/10", "fr": "8.5/10"}
    assert a["awardedBy"] == {"id": claim(sample_credential)["awardedBy"]["id"]}
    assert a["idVerification"]["id"] == "http://data.europa.eu/snb/supervision-verification/70be69aaf9"
    spec = a["specifiedBy"]
    assert spec["dcType"]["inScheme"]["id"] == "http://data.europa.eu/snb/assessment/25831c2"
    assert spec["gradingScheme"]["title"]["en"].startswith("Scale 0-10")
    assert spec["description"]["en"] == "Proctored online written examination."


def test_ungraded_award_gets_a_passed_note():
    a = assessment(build(award=sample_award(grade="")))
    assert a["grade"]["noteLiteral"] == {"en": "Passed", "fr": "Réussi"}


def test_optional_elements_are_left_out_when_absent():
    credential = build(mc=minimal_microcredential(), award=sample_award(grade=""))
    q = qualification(credential)
    for key in ("entryRequirement", "additionalNote", "homepage", "thematicArea", "nqfLevel"):
        assert key not in q
    assert q["isPartialQualification"] is False
    spec = assessment(credential)["specifiedBy"]
    assert "gradingScheme" not in spec and "description" not in spec
    assert "idVerification" not in assessment(credential)


def test_workload_in_hours_only_or_credits_only():
    hours_only = qualification(build(ects_credits=None, workload_hours=30))
    assert "creditPoint" not in hours_only and hours_only["volumeOfLearning"] == "PT30H"
    credits_only = qualification(build(ects_credits=Decimal("2.50"), workload_hours=None))
    assert credits_only["creditPoint"][0]["point"] == "2.5" and "volumeOfLearning" not in credits_only


def test_display_parameter_embeds_the_png_once(sample_credential):
    png = PNG + b"\x00"  # still starts with the PNG signature
    display = build(display_image_png=png)["displayParameter"]
    assert display["title"]["en"] == "Data Literacy for Professionals"
    assert display["primaryLanguage"]["id"].endswith("/language/ENG")
    assert [lang["id"][-3:] for lang in display["language"]] == ["ENG", "FRA"]
    first, second = display["individualDisplay"]
    image = first["displayDetail"][0]["image"]
    assert base64.b64decode(image["content"]) == png
    assert image["contentType"]["id"].endswith("/file-type/PNG")
    assert image["contentEncoding"]["id"] == "http://data.europa.eu/snb/encoding/6146cde7dd"
    assert second["displayDetail"][0]["image"] == {"id": image["id"]}
    placeholder = sample_credential["displayParameter"]["individualDisplay"][0]["displayDetail"][0]["image"]
    assert base64.b64decode(placeholder["content"]) == PLACEHOLDER_PNG


def test_primary_language_follows_the_language_of_instruction():
    display = build(languages=("fr", "en"))["displayParameter"]
    assert display["primaryLanguage"]["id"].endswith("/language/FRA")
    assert build(languages=("fr", "en"))["credentialSubject"]["givenName"] == {"fr": "Amélie"}


def test_every_key_is_defined_by_the_pinned_contexts(sample_credential):
    assert undefined_terms(sample_credential) == []
    broken = copy.deepcopy(sample_credential)
    broken["credentialSubject"]["nickName"] = "x"
    assert undefined_terms(broken) == ["nickName"]


def test_a_non_png_image_is_refused():
    with pytest.raises(EdcBuildError, match="not a PNG"):
        build(display_image_png=b"GIF89a....")


def test_a_naive_clock_is_refused():
    with pytest.raises(EdcBuildError, match="no time zone"):
        build(now=datetime(2025, 7, 1, 8, 30))


def test_unknown_vocabulary_code_is_refused_with_the_element_name():
    with pytest.raises(EdcBuildError, match="form of participation"):
        build(participation_mode="telepathic")



def test_a_free_text_nqf_level_of_an_older_version_is_left_out():
    q = qualification(build(nqf_level="NQF 6"))
    assert "nqfLevel" not in q and "NQF 6" not in json.dumps(q)


def test_unknown_isced_f_code_is_refused_with_the_element_name():
    with pytest.raises(EdcBuildError, match=r"field of education \(ISCED-F\) \('9998' is not an EU"):
        build(isced_f_codes=("0613", "9998"))

"""Build an unsigned ELM 3.2 ``EuropeanDigitalCredential`` (JSON-LD) from credential records; pure function."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from mc_lms_bridge.formats.edc.assessment import assessment_node
from mc_lms_bridge.formats.edc.concepts import generic_profile_concept
from mc_lms_bridge.formats.edc.display import display_parameter_node
from mc_lms_bridge.formats.edc.errors import EdcBuildError
from mc_lms_bridge.formats.edc.ids import EPASS_NAMESPACE, epass_id
from mc_lms_bridge.formats.edc.organisation import email_contact_node, organisation_node
from mc_lms_bridge.formats.edc.preflight import missing_elements
from mc_lms_bridge.formats.edc.qualification import qualification_node
from mc_lms_bridge.formats.edc.text import language_map, same_text_in, xsd_datetime
from mc_lms_bridge.formats.record import AwardRecord, LearnerRecord, MicroCredentialRecord, OrganisationRecord

VC_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
EDC_AP_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"
EDC_CONTEXTS = (VC_V1_CONTEXT, EDC_AP_CONTEXT)
EDC_GENERIC_FULL_SCHEMA = "http://data.europa.eu/snb/model/ap/edc-generic-full"


def display_languages(mc: MicroCredentialRecord) -> list[str]:
    """Languages of the title, the primary one (first language of instruction that has a title) first."""
    titled = list(mc.title)
    primary = next((lang for lang in mc.languages if lang in mc.title), titled[0])
    return [primary, *(lang for lang in titled if lang != primary)]


def credential_id(award: AwardRecord) -> str:
    """``urn:credential:<uuid>`` as in the EC samples: the award UUID, or one derived from the award id."""
    try:
        value = uuid.UUID(award.id)
    except ValueError:
        value = uuid.uuid5(EPASS_NAMESPACE, f"credential\x1f{award.id}")
    return f"urn:credential:{value}"


def person_node(learner: LearnerRecord, languages: list[str], claim: dict) -> dict:
    """The learner as ``Person``; a DID subject id is kept so the credential stays bound to the wallet."""
    subject_id = learner.subject_id if learner.subject_id.startswith("did:") else epass_id("person", learner.id)
    node: dict = {
        "id": subject_id,
        "type": "Person",
        "givenName": same_text_in(languages, learner.given_name),
        "familyName": same_text_in(languages, learner.family_name),
        "fullName": same_text_in(languages, learner.full_name),
    }
    if learner.email:
        node["contactPoint"] = [email_contact_node(learner.id, learner.email)]
    node["hasClaim"] = [claim]
    return node


def achievement_node(award: AwardRecord, mc: MicroCredentialRecord, languages: list[str]) -> dict:
    """The ``LearningAchievement`` claim: awarded by the awarding bodies, proven by the assessment."""
    process_id = epass_id("awardingProcess", award.id)
    node: dict = {
        "id": epass_id("learningAchievement", award.id),
        "type": "LearningAchievement",
        "title": language_map(mc.title),
        "awardedBy": {
            "id": process_id,
            "type": "AwardingProcess",
            "awardingBody": [organisation_node(body) for body in mc.awarding_bodies],
            "awardingDate": xsd_datetime(award.awarded_at),
        },
        "provenBy": [assessment_node(award, mc, process_id, languages)],
        "specifiedBy": qualification_node(mc, languages),
    }
    if mc.description:
        node["description"] = language_map(mc.description)
    return node


def build_edc_credential(
    *,
    award: AwardRecord,
    microcredential: MicroCredentialRecord,
    learner: LearnerRecord,
    issuer: OrganisationRecord,
    now: datetime,
    display_image_png: bytes | None = None,
) -> dict:
    """Return the unsigned EDC JSON-LD; raises EdcBuildError naming every missing mandatory element."""
    missing = missing_elements(microcredential, learner, award, issuer=issuer)
    if missing:
        raise EdcBuildError("The Europass credential cannot be built; missing: " + "; ".join(missing) + ".")
    mc = microcredential
    languages = display_languages(mc)
    issued = xsd_datetime(now)
    credential: dict = {
        "@context": list(EDC_CONTEXTS),
        "id": credential_id(award),
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialProfiles": [generic_profile_concept()],
        "credentialSchema": [{"id": EDC_GENERIC_FULL_SCHEMA, "type": "ShaclValidator2017"}],
        "issuanceDate": issued,
        "issued": issued,
        "validFrom": issued,
        "issuer": organisation_node(issuer),
        "credentialSubject": person_node(learner, languages[:1], achievement_node(award, mc, languages)),
        "displayParameter": display_parameter_node(award, mc, languages, display_image_png),
    }
    if mc.valid_for_days is not None:
        credential["validUntil"] = xsd_datetime(now + timedelta(days=mc.valid_for_days))
    return credential

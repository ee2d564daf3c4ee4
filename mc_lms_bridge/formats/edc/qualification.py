"""The ``Qualification`` that specifies the learning achievement: every Annex I element of the programme."""

from __future__ import annotations

from collections.abc import Sequence

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.edc.concepts import esco_skill_concept, language_concept, vocab_concept
from mc_lms_bridge.formats.edc.ids import epass_id
from mc_lms_bridge.formats.edc.organisation import named_body_node, organisation_node, web_resource_node
from mc_lms_bridge.formats.edc.text import credit_points, hours_duration, language_map
from mc_lms_bridge.formats.record import LearningOutcomeRecord, MicroCredentialRecord


def version_key(mc: MicroCredentialRecord) -> str:
    """The record key of one published micro-credential version."""
    return f"{mc.id}:v{mc.version}"


def note_node(kind: str, owner: str, text: dict[str, str]) -> dict:
    """A ``Note`` holding a language map."""
    return {"id": epass_id("note", kind, owner), "type": "Note", "noteLiteral": text}


def learning_outcome_node(mc: MicroCredentialRecord, index: int, outcome: LearningOutcomeRecord) -> dict:
    """One ``LearningOutcome`` with its ESCO skill, if any."""
    node: dict = {
        "id": epass_id("learningOutcome", version_key(mc), index),
        "type": "LearningOutcome",
        "title": language_map(outcome.text),
    }
    if outcome.esco_skill_uri:
        node["relatedESCOSkill"] = [esco_skill_concept(outcome.esco_skill_uri)]
    return node


def credit_point_node(mc: MicroCredentialRecord) -> dict:
    """The ECTS ``CreditPoint`` of the notional workload."""
    return {
        "id": epass_id("creditPoint", version_key(mc), "ects"),
        "type": "CreditPoint",
        "framework": vocab_concept("credit_framework", "ects"),
        "point": credit_points(mc.ects_credits),
    }


def accreditation_node(mc: MicroCredentialRecord, languages: Sequence[str]) -> dict:
    """The ``Accreditation`` stating the type of quality assurance and who assures it."""
    qa = mc.quality_assurance
    qa_type = vocab_concept("qa_type", qa.qa_type)
    labels = qa_type.get("prefLabel") or {"en": qa.qa_type}
    if qa.body_name:
        title = {lang: f"{label} - {qa.body_name}" for lang, label in labels.items()}
        agent = named_body_node(qa.body_name, country=mc.issuer.country, languages=languages)
    else:
        title = dict(labels)
        agent = organisation_node(mc.issuer)
    node: dict = {
        "id": epass_id("accreditation", version_key(mc), qa.qa_type, qa.body_name),
        "type": "Accreditation",
        "title": title,
        "dcType": qa_type,
        "accreditingAgent": agent,
    }
    if qa.url:
        node["homepage"] = [web_resource_node(version_key(mc) + ":qa", qa.url)]
    return node


def known_nqf_level(mc: MicroCredentialRecord) -> str:
    """The NQF level when it is a QDR concept code; older free-text levels count as absent ("")."""
    return mc.nqf_level if mc.nqf_level and mc.nqf_level in vocab.get("nqf") else ""


def thematic_areas(mc: MicroCredentialRecord) -> list[dict]:
    """The ISCED-F 2013 field-of-education Concepts (ELM ``thematicArea``)."""
    return [vocab_concept("isced_f", code) for code in mc.isced_f_codes]


def qualification_node(mc: MicroCredentialRecord, languages: Sequence[str]) -> dict:
    """The ``Qualification`` node (``specifiedBy`` of the achievement); optional elements only when present."""
    key = version_key(mc)
    node: dict = {
        "id": epass_id("qualification", key),
        "type": "Qualification",
        "title": language_map(mc.title),
        "learningOutcome": [
            learning_outcome_node(mc, index, outcome) for index, outcome in enumerate(mc.learning_outcomes, 1)
        ],
        "mode": [vocab_concept("participation_mode", mc.participation_mode)],
        "learningSetting": vocab_concept("learning_setting", mc.learning_setting),
        "accreditation": [accreditation_node(mc, languages)],
        "isPartialQualification": mc.stackability == "stackable",
    }
    if mc.description:
        node["description"] = language_map(mc.description)
    if mc.eqf_level is not None:
        node["eqfLevel"] = vocab_concept("eqf", str(mc.eqf_level))
    if known_nqf_level(mc):
        node["nqfLevel"] = vocab_concept("nqf", mc.nqf_level)
    if mc.isced_f_codes:
        node["thematicArea"] = thematic_areas(mc)
    if mc.ects_credits is not None:
        node["creditPoint"] = [credit_point_node(mc)]
    if mc.workload_hours is not None:
        node["volumeOfLearning"] = hours_duration(mc.workload_hours)
    if mc.languages:
        node["language"] = [language_concept(lang) for lang in mc.languages]
    if mc.prerequisites:
        node["entryRequirement"] = note_node("entryRequirement", key, language_map(mc.prerequisites))
    if mc.further_information:
        node["additionalNote"] = [note_node("additionalNote", key, language_map(mc.further_information))]
    if mc.homepage:
        node["homepage"] = [web_resource_node(key, mc.homepage)]
    return node

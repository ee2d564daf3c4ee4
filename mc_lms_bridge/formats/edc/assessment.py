"""The ``LearningAssessment`` that proves the achievement: grade, assessment type, identity verification."""

from __future__ import annotations

from collections.abc import Sequence

from mc_lms_bridge.formats.edc.concepts import language_concept, vocab_concept
from mc_lms_bridge.formats.edc.ids import epass_id
from mc_lms_bridge.formats.edc.qualification import note_node, version_key
from mc_lms_bridge.formats.edc.text import language_map, passed_note_text, same_text_in
from mc_lms_bridge.formats.record import AwardRecord, MicroCredentialRecord


def grade_note(award: AwardRecord, languages: Sequence[str]) -> dict:
    """The mandatory grade ``Note``: the awarded grade, or 'Passed' when the course is not graded."""
    text = same_text_in(languages, award.grade) if award.grade else passed_note_text(languages)
    return note_node("grade", award.id, text)


def assessment_specification_node(mc: MicroCredentialRecord, assessment_type: dict) -> dict:
    """The ``LearningAssessmentSpecification``: assessment type, description, grading scheme, language."""
    key = version_key(mc)
    node: dict = {
        "id": epass_id("learningAssessmentSpec", key),
        "type": "LearningAssessmentSpecification",
        "title": dict(assessment_type.get("prefLabel") or {"en": mc.assessment_type}),
        "dcType": assessment_type,
    }
    if mc.assessment_description:
        node["description"] = language_map(mc.assessment_description)
    if mc.grading_scheme:
        node["gradingScheme"] = {
            "id": epass_id("gradingScheme", key),
            "type": "GradingScheme",
            "title": language_map(mc.grading_scheme),
        }
    if mc.languages:
        node["language"] = [language_concept(lang) for lang in mc.languages]
    return node


def assessment_node(
    award: AwardRecord, mc: MicroCredentialRecord, awarding_process_id: str, languages: Sequence[str]
) -> dict:
    """The ``LearningAssessment`` (``provenBy`` of the achievement)."""
    assessment_type = vocab_concept("assessment_type", mc.assessment_type)
    node: dict = {
        "id": epass_id("learningAssessment", award.id),
        "type": "LearningAssessment",
        "title": dict(assessment_type.get("prefLabel") or {"en": mc.assessment_type}),
        "grade": grade_note(award, languages),
        "awardedBy": {"id": awarding_process_id},
        "specifiedBy": assessment_specification_node(mc, assessment_type),
    }
    if mc.supervision:
        node["idVerification"] = vocab_concept("supervision", mc.supervision)
    return node

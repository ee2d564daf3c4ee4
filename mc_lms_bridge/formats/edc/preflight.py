"""Pre-flight check naming every mandatory EU element a record lacks before an EDC credential is built."""

from __future__ import annotations

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.record import AwardRecord, LearnerRecord, MicroCredentialRecord, OrganisationRecord


def is_known(vocabulary: str, code: str) -> bool:
    """True when ``code`` is a concept of the named EU vocabulary."""
    try:
        vocab.get(vocabulary).concept(code)
    except vocab.UnknownConcept:
        return False
    return True


def vocabulary_gap(element: str, vocabulary: str, code: str) -> list[str]:
    """The element name when the code is empty, or a note that it is not an EU code."""
    if not code:
        return [element]
    if not is_known(vocabulary, code):
        return [f"{element} ({code!r} is not an EU vocabulary code)"]
    return []


def organisation_gaps(role: str, org: OrganisationRecord, *, needs_eidas: bool) -> list[str]:
    """Missing legal name, country or (for the issuer) eIDAS legal identifier of an organisation."""
    gaps = [] if org.legal_name else [f"legal name of the {role}"]
    gaps += vocabulary_gap(f"country of the {role}", "country", org.country)
    if needs_eidas and not org.legal_identifier:
        gaps.append(f"legal (eIDAS) identifier of the {role}")
    return gaps


def learner_gaps(learner: LearnerRecord) -> list[str]:
    """Missing parts of the identification of the learner."""
    gaps = []
    if not learner.given_name.strip():
        gaps.append("given name of the learner")
    if not learner.family_name.strip():
        gaps.append("family name of the learner")
    return gaps


def programme_gaps(mc: MicroCredentialRecord) -> list[str]:
    """Missing Annex I elements of the micro-credential version itself."""
    gaps = [] if mc.title else ["title"]
    for lang in mc.title:
        gaps += vocabulary_gap("language of the title", "language", lang)
    if not mc.awarding_bodies:
        gaps.append("awarding body")
    for position, body in enumerate(mc.awarding_bodies, 1):
        gaps += organisation_gaps(f"awarding body {position}", body, needs_eidas=False)
    if not mc.learning_outcomes:
        gaps.append("learning outcomes")
    for position, outcome in enumerate(mc.learning_outcomes, 1):
        if not outcome.text:
            gaps.append(f"text of learning outcome {position}")
    if mc.ects_credits is None and mc.workload_hours is None:
        gaps.append("notional workload (ECTS credits or hours)")
    if mc.eqf_level is not None:
        gaps += vocabulary_gap("EQF level", "eqf", str(mc.eqf_level))
    gaps += vocabulary_gap("type of assessment", "assessment_type", mc.assessment_type)
    gaps += vocabulary_gap("form of participation", "participation_mode", mc.participation_mode)
    gaps += vocabulary_gap("learning setting", "learning_setting", mc.learning_setting)
    gaps += vocabulary_gap("type of quality assurance", "qa_type", mc.quality_assurance.qa_type)
    if mc.supervision:
        gaps += vocabulary_gap("supervision and identity verification", "supervision", mc.supervision)
    for code in mc.isced_f_codes:
        gaps += vocabulary_gap("field of education (ISCED-F)", "isced_f", code)
    for lang in mc.languages:
        gaps += vocabulary_gap("language of the micro-credential", "language", lang)
    return gaps


def missing_elements(
    microcredential: MicroCredentialRecord,
    learner: LearnerRecord,
    award: AwardRecord,
    *,
    issuer: OrganisationRecord | None = None,
) -> list[str]:
    """Names of every mandatory element (or unknown vocabulary code) missing; empty when buildable."""
    gaps = learner_gaps(learner)
    gaps += organisation_gaps("issuer", issuer or microcredential.issuer, needs_eidas=True)
    gaps += programme_gaps(microcredential)
    if award.awarded_at is None or award.awarded_at.utcoffset() is None:
        gaps.append("date of awarding (with time zone)")
    return gaps

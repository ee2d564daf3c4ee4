"""Turns catalogue and award rows into the immutable records that format builders read."""

from __future__ import annotations

from ..formats.record import (
    AwardRecord,
    EvidenceRecord,
    LearnerRecord,
    LearningOutcomeRecord,
    MicroCredentialRecord,
    OrganisationRecord,
    QualityAssuranceRecord,
    lang_text,
)
from ..identity import achievement_url, credential_page_url, organisation_did, profile_url


def organisation_record(organisation) -> OrganisationRecord:
    return OrganisationRecord(
        id=str(organisation.pk), did=organisation_did(organisation), legal_name=lang_text(organisation.legal_name),
        legal_identifier=organisation.legal_identifier, country=organisation.country, region=organisation.region,
        homepage=organisation.homepage, email=organisation.email, logo_url=organisation.logo_url,
        profile_url=profile_url(organisation))


def microcredential_record(version) -> MicroCredentialRecord:
    microcredential = version.microcredential
    return MicroCredentialRecord(
        id=str(microcredential.pk), version=version.version,
        url=achievement_url(microcredential, version.version),
        title=lang_text(version.title), description=lang_text(version.description),
        languages=tuple(version.languages or ()),
        issuer=organisation_record(microcredential.organisation),
        awarding_bodies=tuple(organisation_record(o) for o in version.awarding_bodies.order_by("slug")),
        learning_outcomes=tuple(
            LearningOutcomeRecord(text=lang_text(o.text), esco_skill_uri=o.esco_skill_uri)
            for o in version.learning_outcomes.order_by("position")),
        ects_credits=version.ects_credits, workload_hours=version.workload_hours,
        eqf_level=int(version.eqf_level) if version.eqf_level else None,
        assessment_type=version.assessment_type, participation_mode=version.participation_mode,
        learning_setting=version.learning_setting,
        quality_assurance=QualityAssuranceRecord(qa_type=version.qa_type, body_name=version.qa_body,
                                                 url=version.qa_url),
        assessment_description=lang_text(version.assessment_description), nqf_level=version.nqf_level,
        isced_f_codes=tuple(version.isced_f_codes or ()), qf_ehea_cycle=version.qf_ehea_cycle,
        prerequisites=lang_text(version.prerequisites),
        supervision=version.supervision, grading_scheme=lang_text(version.grading_scheme),
        stackability=version.stackability, further_information=lang_text(version.further_information),
        homepage=version.homepage, valid_for_days=version.valid_for_days, published_at=version.published_at)


def learner_record(learner) -> LearnerRecord:
    return LearnerRecord(id=str(learner.pk), subject_id=learner.subject_id, given_name=learner.given_name,
                         family_name=learner.family_name, email=learner.email)


def evidence_record(evidence: dict) -> EvidenceRecord:
    return EvidenceRecord(id=evidence["id"], narrative=evidence.get("narrative", ""),
                          name=evidence.get("name", "Course completion"),
                          source_platform=evidence.get("source_platform", ""), course_id=evidence.get("course_id", ""))


def award_record(award, *, credential_uuid) -> AwardRecord:
    return AwardRecord(
        id=str(award.pk), credential_id=f"urn:uuid:{credential_uuid}", awarded_at=award.awarded_at,
        grade=award.grade,
        evidence=tuple(evidence_record(e) for e in award.evidence or ()),
        public_url=credential_page_url(credential_uuid))

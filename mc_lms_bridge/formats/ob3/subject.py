"""The OB3 AchievementSubject: who earned the achievement, with what result and credits."""

from __future__ import annotations

import hashlib

from mc_lms_bridge.formats.record import AwardRecord, LearnerRecord, MicroCredentialRecord

from .achievement import build_result_descriptions, grade_result_description_id
from .errors import OB3RecordError


def identity_hash(value: str, salt: str) -> str:
    """Return the OB3 IdentityHash ``sha256$<hex>`` of ``value`` salted with ``salt`` (UTF-8)."""
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def build_email_identifier(learner: LearnerRecord, salt: str) -> dict:
    """Return the IdentityObject holding the learner's salted, hashed email address."""
    return {
        "type": "IdentityObject",
        "identityHash": identity_hash(learner.email, salt),
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def build_result(award: AwardRecord, microcredential: MicroCredentialRecord, language: str) -> dict:
    """Return the Result holding the grade, linked to the grading scheme's ResultDescription if any."""
    result = {"type": ["Result"], "value": award.grade}
    if build_result_descriptions(microcredential, language):
        result["resultDescription"] = grade_result_description_id(microcredential)
    return result


def build_subject(
    *,
    award: AwardRecord,
    microcredential: MicroCredentialRecord,
    learner: LearnerRecord,
    achievement: dict,
    identity_salt: str,
) -> dict:
    """Return the credentialSubject: learner id, hashed email, achievement, credits earned and grade."""
    if not learner.subject_id:
        raise OB3RecordError(f"Learner {learner.id} has no subject id.")
    subject = {"id": learner.subject_id, "type": ["AchievementSubject"]}
    if learner.email:
        if not identity_salt:
            raise OB3RecordError("An identity salt is required to hash the learner's email address.")
        subject["identifier"] = [build_email_identifier(learner, identity_salt)]
    subject["achievement"] = achievement
    if microcredential.ects_credits is not None:
        subject["creditsEarned"] = float(microcredential.ects_credits)
    if award.grade:
        subject["result"] = [build_result(award, microcredential, achievement["inLanguage"])]
    return subject

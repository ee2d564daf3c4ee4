"""Read every EU micro-credential standard element back out of an OB3 credential's JSON."""

from __future__ import annotations

import re

from . import alignments as kinds
from .achievement import STACKABILITY_TAGS
from .errors import OB3RecordError

WORKLOAD_DURATION = re.compile(r"^PT(\d+)H$")


def as_list(value) -> list:
    """Treat a missing value as [], a single object as [object] and a list as itself."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def alignments_of(achievement: dict, target_type: str) -> list[dict]:
    """Return the achievement's alignments of one targetType, in document order."""
    return [item for item in as_list(achievement.get("alignment")) if item.get("targetType") == target_type]


def first_alignment(achievement: dict, target_type: str) -> dict | None:
    """Return the first alignment of one targetType, or None."""
    found = alignments_of(achievement, target_type)
    return found[0] if found else None


def concept(item: dict | None) -> dict | None:
    """Return ``{code, uri, label, description}`` of a concept alignment, or None when absent."""
    if item is None:
        return None
    return {
        "code": item.get("targetCode"),
        "uri": item.get("targetUrl"),
        "label": item.get("targetName"),
        "description": item.get("targetDescription"),
    }


def learner_elements(subject: dict) -> dict:
    """Return the learner's subject id and hashed email identity."""
    identity = next(iter(as_list(subject.get("identifier"))), {})
    return {
        "id": subject.get("id"),
        "identity_hash": identity.get("identityHash"),
        "identity_type": identity.get("identityType"),
        "salt": identity.get("salt"),
    }


def issuer_elements(issuer: dict | str) -> dict:
    """Return the issuer's id, name, country (code and name) and region."""
    if isinstance(issuer, str):
        return {"id": issuer, "name": None, "country_code": None, "country": None, "region": None}
    address = issuer.get("address") or {}
    return {
        "id": issuer.get("id"),
        "name": issuer.get("name"),
        "country_code": address.get("addressCountryCode"),
        "country": address.get("addressCountry"),
        "region": address.get("addressRegion"),
    }


def outcome_elements(achievement: dict) -> list[dict]:
    """Return the learning outcomes (text and ESCO skill URI, or None) in their original order."""
    outcome_kinds = (kinds.ESCO_SKILL, kinds.LEARNING_OUTCOME)
    return [
        {
            "text": item.get("targetName"),
            "esco_skill_uri": item.get("targetUrl") if item["targetType"] == kinds.ESCO_SKILL else None,
        }
        for item in as_list(achievement.get("alignment"))
        if item.get("targetType") in outcome_kinds
    ]


def workload_hours(achievement: dict) -> int | None:
    """Return the notional workload in hours, read from its ISO 8601 duration code."""
    item = first_alignment(achievement, kinds.NOTIONAL_WORKLOAD)
    if item is None:
        return None
    match = WORKLOAD_DURATION.match(item.get("targetCode", ""))
    if match is None:
        code = item.get("targetCode")
        raise OB3RecordError(f"Notional workload code {code!r} is not of the form PT<hours>H.")
    return int(match.group(1))


def quality_assurance(achievement: dict) -> dict | None:
    """Return the QA type concept plus the QA body's name and URL."""
    found = concept(first_alignment(achievement, kinds.QUALITY_ASSURANCE))
    if found is None:
        return None
    body = first_alignment(achievement, kinds.QUALITY_ASSURANCE_BODY)
    found["body_name"] = found.pop("description")
    found["url"] = body.get("targetUrl") if body else None
    return found


def grade_elements(subject: dict, achievement: dict) -> tuple[str | None, str | None]:
    """Return (grade, grading scheme): the Result value and the name of its ResultDescription."""
    result = next(iter(as_list(subject.get("result"))), {})
    descriptions = {item.get("id"): item for item in as_list(achievement.get("resultDescription"))}
    linked = descriptions.get(result.get("resultDescription"))
    scheme = next(iter(descriptions.values()), None) if linked is None else linked
    return result.get("value"), scheme.get("name") if scheme else None


def text_element(achievement: dict, target_type: str) -> str | None:
    """Return the targetDescription of a free-text element alignment, or None."""
    item = first_alignment(achievement, target_type)
    return item.get("targetDescription") if item else None


def extract_eu_elements(credential: dict) -> dict:
    """Return every EU standard element found in an OB3 credential (absent optional elements are None)."""
    subject = credential.get("credentialSubject") or {}
    achievement = subject.get("achievement") or {}
    grade, grading_scheme = grade_elements(subject, achievement)
    further = first_alignment(achievement, kinds.FURTHER_INFORMATION)
    homepage = further.get("targetUrl") if further else None
    tags = [tag for tag in as_list(achievement.get("tag")) if tag in STACKABILITY_TAGS]
    return {
        "learner": learner_elements(subject),
        "title": achievement.get("name"),
        "language": achievement.get("inLanguage"),
        "languages": [item.get("targetCode") for item in alignments_of(achievement, kinds.LANGUAGE)],
        "issuer": issuer_elements(credential.get("issuer") or {}),
        "awarding_bodies": [
            {"id": item.get("targetCode"), "name": item.get("targetName"), "url": item.get("targetUrl")}
            for item in alignments_of(achievement, kinds.AWARDING_BODY)
        ],
        "issued_at": credential.get("validFrom"),
        "awarded_at": credential.get("awardedDate"),
        "valid_until": credential.get("validUntil"),
        "learning_outcomes": outcome_elements(achievement),
        "ects_credits": achievement.get("creditsAvailable"),
        "credits_earned": subject.get("creditsEarned"),
        "workload_hours": workload_hours(achievement),
        "credit_framework": concept(first_alignment(achievement, kinds.CREDIT_FRAMEWORK)),
        "eqf_level": concept(first_alignment(achievement, kinds.EQF_LEVEL)),
        "nqf_level": (first_alignment(achievement, kinds.NQF_LEVEL) or {}).get("targetCode"),
        "nqf_concept": concept(first_alignment(achievement, kinds.NQF_LEVEL)),
        "isced_f_codes": [item.get("targetCode") for item in alignments_of(achievement, kinds.ISCED_F)],
        "fields_of_education": [concept(item) for item in alignments_of(achievement, kinds.ISCED_F)],
        "qf_ehea_cycle": (first_alignment(achievement, kinds.QF_EHEA_CYCLE) or {}).get("targetCode"),
        "assessment_type": concept(first_alignment(achievement, kinds.ASSESSMENT_TYPE)),
        "participation_mode": concept(first_alignment(achievement, kinds.PARTICIPATION_MODE)),
        "learning_setting": concept(first_alignment(achievement, kinds.LEARNING_SETTING)),
        "quality_assurance": quality_assurance(achievement),
        "prerequisites": text_element(achievement, kinds.PREREQUISITES),
        "supervision": concept(first_alignment(achievement, kinds.SUPERVISION)),
        "grade": grade,
        "grading_scheme": grading_scheme,
        "stackability": tags[0] if tags else None,
        "further_information": text_element(achievement, kinds.FURTHER_INFORMATION),
        "homepage": homepage if homepage and not homepage.startswith(kinds.ELM_PROPERTY) else None,
    }

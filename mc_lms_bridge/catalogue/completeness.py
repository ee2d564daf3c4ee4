"""Pure publication rule: which EU standard elements of a micro-credential version are missing or invalid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

#: 1 ECTS credit corresponds to 25-30 hours of work (ECTS Users' Guide 2015).
HOURS_PER_ECTS = (Decimal(25), Decimal(30))


@dataclass(frozen=True)
class VersionFacts:
    """What the rule needs to know of a version, independent of the database."""

    title: dict
    languages: Sequence[str]
    awarding_body_count: int
    learning_outcome_count: int
    ects_credits: Decimal | None
    workload_hours: int | None
    eqf_level: str
    nqf_level: str
    qf_ehea_cycle: str
    assessment_type: str
    participation_mode: str
    learning_setting: str
    qa_type: str
    issuer_country: str


def publication_errors(facts: VersionFacts) -> dict[str, str]:
    """Return {field: message} for every missing or invalid mandatory element; empty means publishable."""
    errors: dict[str, str] = {}
    if not facts.title:
        errors["title"] = "Title is missing: give it in at least one language."
    if not facts.languages:
        errors["languages"] = "Language(s) of instruction are missing: give at least one ISO 639-1 code."
    if facts.awarding_body_count < 1:
        errors["awarding_bodies"] = "Awarding body is missing: name at least one awarding organisation."
    if facts.learning_outcome_count < 1:
        errors["learning_outcomes"] = "Learning outcomes are missing: add at least one learning outcome."
    workload_error = _workload_error(facts.ects_credits, facts.workload_hours)
    if workload_error:
        errors["ects_credits"] = workload_error
    if not (facts.eqf_level or facts.nqf_level or facts.qf_ehea_cycle):
        errors["eqf_level"] = "Level is missing: give the EQF level (1-8), an NQF level or a QF-EHEA cycle."
    if not facts.assessment_type:
        errors["assessment_type"] = "Type of assessment is missing."
    if not facts.participation_mode:
        errors["participation_mode"] = "Form of participation is missing: choose online, blended, presential, ..."
    if not facts.learning_setting:
        errors["learning_setting"] = (
            "Form of participation is incomplete: choose the learning setting (formal/non-formal).")
    if not facts.qa_type:
        errors["qa_type"] = "Type of quality assurance is missing."
    if not facts.issuer_country:
        errors["organisation"] = "Country of the issuer is missing: set the organisation's country."
    return errors


def _workload_error(ects: Decimal | None, hours: int | None) -> str:
    if ects is None and hours is None:
        return "Notional workload is missing: give ECTS credits and/or workload hours."
    if ects is not None and ects <= 0:
        return "Notional workload must be more than 0 ECTS credits."
    if hours is not None and hours <= 0:
        return "Notional workload must be more than 0 hours."
    if ects is not None and hours is not None:
        low, high = (ects * HOURS_PER_ECTS[0], ects * HOURS_PER_ECTS[1])
        if not (low <= hours <= high):
            return (f"Notional workload is inconsistent: {hours} hours do not match {ects} ECTS credits "
                    f"(1 ECTS = 25-30 hours, so {low.normalize()}-{high.normalize()} hours).")
    return ""

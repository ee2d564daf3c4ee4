"""Pure course-tag rule: given the tag's rule and what the LMS said, award, reverse, or ignore (with the reason)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..connectors.base import CompletionKind

AWARD, REVERSE, IGNORE = "award", "reverse", "ignore"


@dataclass(frozen=True)
class RuleDecision:
    action: str  # award | reverse | ignore
    reason: str
    values: dict = field(default_factory=dict)


def decide(*, rule: str, min_grade: Decimal | None, kind: str, grade: Decimal | None) -> RuleDecision:
    """Apply the completion rule (passed | completed | min_grade) to one event."""
    values = {"rule": rule, "kind": kind, "grade": str(grade) if grade is not None else None,
              "min_grade": str(min_grade) if min_grade is not None else None}
    if kind in (CompletionKind.FAILED, CompletionKind.NOT_COMPLETED, CompletionKind.CERTIFICATE_REVOKED):
        return RuleDecision(REVERSE, f"The platform reported {kind.replace('_', ' ')}.", values)
    if rule == "min_grade":
        if grade is None:
            return RuleDecision(IGNORE, "The rule needs a grade and the platform gave none.", values)
        if min_grade is None or grade < min_grade:
            return RuleDecision(REVERSE, f"Grade {grade} is below the minimum {min_grade}.", values)
        return RuleDecision(AWARD, f"Grade {grade} reaches the minimum {min_grade}.", values)
    if rule == "passed":
        if kind in (CompletionKind.PASSED, CompletionKind.CERTIFICATE_CREATED):
            return RuleDecision(AWARD, "The platform reported the learner passed.", values)
        return RuleDecision(IGNORE, "The rule needs a passing verdict; a completion flag alone is not one.", values)
    if rule == "completed":
        return RuleDecision(AWARD, f"The platform reported {kind.replace('_', ' ')}.", values)
    return RuleDecision(IGNORE, f"Unknown completion rule {rule!r}.", values)

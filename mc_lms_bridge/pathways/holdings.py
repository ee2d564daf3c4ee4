"""A learner's holdings for pathway evaluation: live awards, accepted recognitions and earned pathways."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

from ..models import Award, Learner, Pathway, Recognition, RecognitionDecision
from ..rules.pathway_eval import Award as HeldAward
from ..rules.pathway_eval import LearnerHoldings, RecognizedItem

_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")
_FRACTION = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)\s*$")


def grade_fraction(text: str) -> float | None:
    """A human grade ("85 %", "8.5/10") as a fraction 0..1; None when it cannot be read as one."""
    if match := _PERCENT.match(text or ""):
        return min(float(match[1].replace(",", ".")) / 100, 1.0)
    if match := _FRACTION.match(text or ""):
        top, bottom = (float(part.replace(",", ".")) for part in match.groups())
        return min(top / bottom, 1.0) if bottom else None
    return None


def live_awards(learner: Learner):
    """The learner's non-revoked awards with their versions (one query)."""
    return (Award.objects.filter(learner=learner, revoked_at__isnull=True)
            .select_related("version").only("id", "grade", "awarded_at", "version__microcredential_id",
                                            "version__version", "version__ects_credits"))


def accepted_recognitions(learner: Learner):
    return Recognition.objects.filter(learner=learner, decision=RecognitionDecision.ACCEPTED)


def recognized_item(recognition: Recognition) -> RecognizedItem:
    return RecognizedItem(id=str(recognition.pk), achievement_id=recognition.achievement_id,
                          issuer=recognition.issuer, ects=recognition.ects, eqf=recognition.eqf,
                          alignments=frozenset(recognition.alignments or ()), grade=recognition.grade)


def learner_holdings(learner: Learner) -> tuple[LearnerHoldings, dict[uuid.UUID, Award]]:
    """(holdings, live award by micro-credential id); earned pathways are those whose credential is held."""
    awards = list(live_awards(learner))
    by_mc = {award.version.microcredential_id: award for award in awards}
    held = tuple(HeldAward(microcredential=award.version.microcredential_id, version=award.version.version,
                           ects=award.version.ects_credits, grade=grade_fraction(award.grade),
                           awarded_at=award.awarded_at) for award in awards)
    earned = frozenset(Pathway.objects.filter(microcredential_id__in=list(by_mc)).values_list("id", flat=True))
    recognized = tuple(recognized_item(r) for r in accepted_recognitions(learner))
    return LearnerHoldings(awards=held, pathways=earned, recognized=recognized), by_mc


def total_ects(values) -> Decimal:
    return sum((Decimal(str(v)) for v in values if v is not None), Decimal(0))

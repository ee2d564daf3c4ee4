"""grant_award: create the one live award of a learner for a published version, or return the existing one."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Award, Learner, MicroCredentialVersion, Status


class AwardRefused(Exception):
    """The version cannot be awarded (not published)."""


def grant_award(*, learner: Learner, version: MicroCredentialVersion, evidence: list[dict], reason: dict,
                grade: str = "", awarded_at: datetime | None = None) -> tuple[Award, bool]:
    """Return (award, created). Only a published version is awardable; concurrent calls yield one award."""
    if version.status != Status.PUBLISHED:
        raise AwardRefused(f"Version {version.version} of {version.microcredential} is {version.status}; "
                           "only a published version can be awarded.")
    existing = Award.objects.filter(learner=learner, version=version, revoked_at__isnull=True).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            award = Award.objects.create(learner=learner, version=version, grade=grade, evidence=evidence,
                                         reason=reason,
                                         awarded_at=(awarded_at or timezone.now()).replace(microsecond=0))
        return award, True
    except IntegrityError:
        return Award.objects.get(learner=learner, version=version, revoked_at__isnull=True), False

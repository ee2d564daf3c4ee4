"""Outbox rows for deliveries, written in the issuance transaction and sent after commit by a thin task."""

from __future__ import annotations

from django.db import transaction

from ..models import Award, Delivery
from ..pipeline.queueing import safe_delay

EMAIL = "email"
LTI_AGS = "lti_ags"


def _lti_score_targets(award: Award) -> bool:
    """True when the award's course came through an LTI platform that accepts scores (AGS)."""
    from django.apps import apps

    if not apps.is_installed("lti"):
        return False
    from lti.ags import score_targets

    return bool(score_targets(award))


def queue_deliveries(award: Award, *, first_issuance: bool = False) -> list[Delivery]:
    """Create the award's delivery rows (once) and queue sending them after the transaction commits.

    ``first_issuance``: the caller holds the award's lock and issued its first credential in this transaction,
    so no delivery row can exist yet and each is inserted without looking first.
    """
    channels = [EMAIL] if award.learner.email else []
    if _lti_score_targets(award):
        channels.append(LTI_AGS)
    rows = []
    for channel in channels:
        if first_issuance:
            delivery, created = Delivery.objects.create(award=award, channel=channel), True
        else:
            delivery, created = Delivery.objects.get_or_create(award=award, channel=channel)
        rows.append(delivery)
        if created:
            transaction.on_commit(lambda pk=delivery.pk: safe_delay("send_delivery", pk))
    return rows

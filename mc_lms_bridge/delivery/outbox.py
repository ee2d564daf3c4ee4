"""Outbox rows for deliveries, written in the issuance transaction and sent after commit by a thin task."""

from __future__ import annotations

from django.db import transaction

from ..models import Award, Delivery
from ..pipeline.queueing import safe_delay

EMAIL = "email"


def queue_deliveries(award: Award) -> list[Delivery]:
    """Create the award's delivery rows (once) and queue sending them after the transaction commits."""
    channels = [EMAIL] if award.learner.email else []
    rows = []
    for channel in channels:
        delivery, created = Delivery.objects.get_or_create(award=award, channel=channel)
        rows.append(delivery)
        if created:
            transaction.on_commit(lambda pk=delivery.pk: safe_delay("send_delivery", pk))
    return rows

"""Reconciliation: find work that a lost message or a crashed worker left behind, and queue it again."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from ..conf import app_settings
from ..models import Award, CompletionEvent, CredentialFormat, Delivery, DeliveryState, EventState
from .queueing import safe_delay

logger = logging.getLogger(__name__)
MAX_EVENT_ATTEMPTS = 10


MAX_BACKOFF_STEPS = 8


def _due_again(now, window: timedelta) -> Q:
    """Never re-queued, or re-queued longer ago than window * 2**count (a backlog is not queued over and over)."""
    due = Q(requeued_at__isnull=True)
    for count in range(MAX_BACKOFF_STEPS):
        due |= Q(requeue_count=count, requeued_at__lt=now - window * 2**count)
    return due | Q(requeue_count__gte=MAX_BACKOFF_STEPS, requeued_at__lt=now - window * 2**MAX_BACKOFF_STEPS)


def stuck_work(*, older_than: timedelta, limit: int = 5000) -> dict[str, list]:
    """Ids of events, awards and deliveries waiting longer than ``older_than`` and due to be queued again.

    An item re-queued n times waits older_than * 2**n before the next time, so a long backlog (which the broker
    still holds) is not queued again on every run and reconciliation never floods the broker with duplicates.
    """
    now = timezone.now()
    cutoff = now - older_than
    recent = _due_again(now, older_than)
    events = list(CompletionEvent.objects.filter(
        recent, state__in=[EventState.RECEIVED, EventState.FAILED], received_at__lt=cutoff,
        attempts__lt=MAX_EVENT_ATTEMPTS).order_by("received_at").values_list("pk", flat=True)[:limit])
    formats = [CredentialFormat.OB3_DATA_INTEGRITY, CredentialFormat.OB3_JWT]
    if app_settings.ISSUE_EDC:
        formats.append(CredentialFormat.EDC_JADES)
    expected = len(formats)
    awards = list(Award.objects.filter(recent, revoked_at__isnull=True, created_at__lt=cutoff)
                  .annotate(n=Count("credentials", filter=Q(credentials__format__in=formats)))
                  .filter(n__lt=expected).order_by("created_at").values_list("pk", flat=True)[:limit])
    deliveries = list(Delivery.objects.filter(recent, state__in=[DeliveryState.PENDING, DeliveryState.FAILED],
                                              created_at__lt=cutoff, attempts__lt=10)
                      .order_by("created_at").values_list("pk", flat=True)[:limit])
    return {"events": events, "awards": awards, "deliveries": deliveries}


def requeue_stuck(*, older_than: timedelta | None = None) -> dict[str, int]:
    """Queue the stuck work again (tasks are idempotent, so a double queue is harmless)."""
    work = stuck_work(older_than=older_than or timedelta(seconds=app_settings.RECONCILE_AFTER_SECONDS))
    now, bump = timezone.now(), F("requeue_count") + 1
    CompletionEvent.objects.filter(pk__in=work["events"]).update(requeued_at=now, requeue_count=bump)
    Award.objects.filter(pk__in=work["awards"]).update(requeued_at=now, requeue_count=bump)
    Delivery.objects.filter(pk__in=work["deliveries"]).update(requeued_at=now, requeue_count=bump)
    for event_id in work["events"]:
        safe_delay("process_completion_event", str(event_id))
    for award_id in work["awards"]:
        safe_delay("issue_award", str(award_id))
    for delivery_id in work["deliveries"]:
        safe_delay("send_delivery", delivery_id)
    counts = {name: len(ids) for name, ids in work.items()}
    if any(counts.values()):
        logger.info("Reconciliation re-queued %s", counts)
    return counts

"""send_delivery: send one pending outbox row through its channel; idempotent and safe to retry."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..models import Delivery, DeliveryState
from . import email


def _lti_ags(delivery: Delivery) -> None:
    from lti.ags import post_award_score

    post_award_score(delivery.award)


CHANNELS = {"email": email.send, "lti_ags": _lti_ags}


class DeliveryFailed(Exception):
    """Sending failed; the task retries with backoff."""


def send_delivery(delivery_id) -> Delivery:
    with transaction.atomic():
        delivery = (Delivery.objects.select_for_update(of=("self",))
                    .select_related("award__learner", "award__version__microcredential__organisation")
                    .get(pk=delivery_id))
        if delivery.state in (DeliveryState.SENT, DeliveryState.SKIPPED):
            return delivery
        delivery.attempts += 1
        sender = CHANNELS.get(delivery.channel)
        if sender is None:
            delivery.state, delivery.last_error = DeliveryState.SKIPPED, f"Unknown channel {delivery.channel!r}."
        else:
            try:
                sender(delivery)
                delivery.state, delivery.sent_at, delivery.last_error = DeliveryState.SENT, timezone.now(), ""
            except Exception as exc:  # noqa: BLE001 - any transport error is recorded and retried
                delivery.state, delivery.last_error = DeliveryState.FAILED, f"{type(exc).__name__}: {exc}"[:500]
        delivery.save(update_fields=["state", "attempts", "sent_at", "last_error"])
    if delivery.state == DeliveryState.FAILED:
        raise DeliveryFailed(delivery.last_error)
    return delivery

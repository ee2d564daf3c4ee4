"""Deleting expired login states/nonces and launches (schedule ``purge_expired`` hourly, or run lti_cleanup)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from .models import LtiLaunch, LtiNonce

BATCH = 5000


@dataclass
class Purged:
    nonces: int = 0
    launches: int = 0


def _delete_batches(queryset) -> int:
    total = 0
    while True:
        ids = list(queryset.values_list("pk", flat=True)[:BATCH])
        if not ids:
            return total
        total += queryset.model.objects.filter(pk__in=ids).delete()[1].get(queryset.model._meta.label, 0)


def purge_expired(*, now: datetime | None = None) -> Purged:
    """Delete nonces and launches past their expiry (used or not), in batches; live ones are never touched.

    An expired nonce can no longer be consumed and an expired launch is refused anyway, so nothing a user can
    still do depends on them; course service endpoints live in LtiContext and are kept.
    """
    now = now or timezone.now()
    return Purged(nonces=_delete_batches(LtiNonce.objects.filter(expires_at__lte=now)),
                  launches=_delete_batches(LtiLaunch.objects.filter(expires_at__lte=now)))

"""Reconciliation re-queues stuck work, but each item at most once per window (no duplicate floods)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mc_lms_bridge.connectors.base import LearnerIdentity, NormalizedCompletion
from mc_lms_bridge.models import CompletionEvent
from mc_lms_bridge.pipeline import reconciliation
from mc_lms_bridge.pipeline.inbox import record_completion

pytestmark = pytest.mark.django_db


def test_stuck_event_is_requeued_once_per_window(monkeypatch):
    queued = []
    monkeypatch.setattr(reconciliation, "safe_delay", lambda name, *args: queued.append((name, args)))
    event, _ = record_completion(NormalizedCompletion(
        platform="api", platform_instance="x", source_event_id="e-1", course_id="c", kind="passed",
        occurred_at=timezone.now(), learner=LearnerIdentity(user_id="u")))
    CompletionEvent.objects.filter(pk=event.pk).update(received_at=timezone.now() - timedelta(minutes=10))
    assert reconciliation.requeue_stuck(older_than=timedelta(minutes=5))["events"] == 1
    assert queued == [("process_completion_event", (str(event.pk),))]
    assert reconciliation.requeue_stuck(older_than=timedelta(minutes=5))["events"] == 0
    CompletionEvent.objects.filter(pk=event.pk).update(requeued_at=timezone.now() - timedelta(minutes=6))
    assert reconciliation.requeue_stuck(older_than=timedelta(minutes=5))["events"] == 0  # second time: 10 min
    CompletionEvent.objects.filter(pk=event.pk).update(requeued_at=timezone.now() - timedelta(minutes=11))
    assert reconciliation.requeue_stuck(older_than=timedelta(minutes=5))["events"] == 1
    assert CompletionEvent.objects.get(pk=event.pk).requeue_count == 2


def test_processed_events_are_not_requeued(monkeypatch):
    monkeypatch.setattr(reconciliation, "safe_delay", lambda *a: None)
    event, _ = record_completion(NormalizedCompletion(
        platform="api", platform_instance="x", source_event_id="e-2", course_id="c", kind="passed",
        occurred_at=timezone.now(), learner=LearnerIdentity(user_id="u")))
    CompletionEvent.objects.filter(pk=event.pk).update(received_at=timezone.now() - timedelta(minutes=10),
                                                       state="ignored")
    assert reconciliation.requeue_stuck(older_than=timedelta(minutes=5))["events"] == 0

"""Exactly once with real parts: PostgreSQL, a Redis broker, real Celery worker processes.

10,000 completion events for 2,000 learners (30 % duplicates) arrive from several threads while a worker is
killed mid-run and the broker is stopped (losing its queue) and started again; every learner ends with exactly one
award and one credential per format, and nothing is lost.
"""

from __future__ import annotations

import random
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.db.models import Count
from django.utils import timezone

from mc_lms_bridge.catalogue import lifecycle
from mc_lms_bridge.connectors.base import LearnerIdentity, NormalizedCompletion
from mc_lms_bridge.models import (
    Award,
    CompletionEvent,
    CourseTag,
    EventState,
    IssuedCredential,
    Learner,
    Organisation,
)
from mc_lms_bridge.pipeline.inbox import record_completion
from mc_lms_bridge.pipeline.reconciliation import requeue_stuck, stuck_work
from mc_lms_bridge.service.celery import app as celery_app

from .workers import kill_worker, start_worker, use_broker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

LEARNERS, EVENTS, DUPLICATE_SHARE, THREADS = 2000, 10000, 0.30, 4
COURSE = "COHORT-2026"


def make_catalogue(complete_payload) -> Organisation:
    organisation = Organisation.objects.create(slug="univ-load", legal_name={"en": "Load University"},
                                               legal_identifier="BE0999999999", country="BE")
    content = {k: v for k, v in complete_payload.items() if k not in ("slug", "learning_outcomes")}
    version = lifecycle.create_microcredential(organisation=organisation, slug="load", content=content,
                                               outcomes=complete_payload["learning_outcomes"])
    lifecycle.submit_for_review(version.microcredential)
    lifecycle.publish(version.microcredential)
    CourseTag.objects.create(microcredential=version.microcredential, platform="api",
                             platform_instance=organisation.slug, course_id=COURSE, rule="passed")
    return organisation


def completion_stream(organisation: Organisation, seed: int = 7) -> list[NormalizedCompletion]:
    rng = random.Random(seed)
    unique = int(EVENTS * (1 - DUPLICATE_SHARE))
    now = timezone.now()
    originals = []
    for n in range(unique):
        learner = n % LEARNERS  # every learner gets 3-4 distinct passing events (LMSs re-send status updates)
        originals.append(NormalizedCompletion(
            platform="api", platform_instance=organisation.slug, source_event_id=f"evt-{n}", course_id=COURSE,
            kind="passed", occurred_at=now,
            learner=LearnerIdentity(user_id=f"user-{learner}", email=f"learner{learner}@example.org",
                                    email_verified=True, given_name=f"L{learner}", family_name="Test")))
    stream = originals + [rng.choice(originals) for _ in range(EVENTS - unique)]
    rng.shuffle(stream)
    return stream


def deliver(completions: list[NormalizedCompletion]) -> None:
    """Record completions from several threads at once (each with its own database connection)."""
    chunks = [completions[i::THREADS] for i in range(THREADS)]
    errors = []

    def run(chunk):
        try:
            for completion in chunk:
                record_completion(completion)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(chunk,)) for chunk in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:3]


def wait_until(predicate, *, timeout: float, every: float = 2.0, on_wait=None) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        if on_wait:
            on_wait()
        time.sleep(every)
    return predicate()


WORKER_ENV = {"MC_BRIDGE_ISSUE_EDC": "false", "MC_BRIDGE_BROKER_VISIBILITY_TIMEOUT": "20"}


def test_exactly_once_with_duplicates_worker_crash_and_broker_outage(broker, complete_payload, settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "ISSUE_EDC": False}
    organisation = make_catalogue(complete_payload)
    stream = completion_stream(organisation)
    first, second, third = stream[:4000], stream[4000:7000], stream[7000:]

    worker = start_worker(broker.url, extra_env=WORKER_ENV)
    try:
        deliver(first)
        assert wait_until(lambda: Award.objects.count() >= 200, timeout=300)
        kill_worker(worker)  # crash mid-run: tasks in flight are lost with the worker

        broker.stop()  # broker down: completions are still accepted and stored
        started = time.time()
        deliver(second)
        assert time.time() - started < 240, "recording must not hang while the broker is down"
        assert CompletionEvent.objects.count() == len({c.source_event_id for c in first + second})

        broker.start()  # back, but empty: everything queued before is gone
        use_broker(celery_app, broker.url, eager=False)
        worker = start_worker(broker.url, extra_env=WORKER_ENV)
        deliver(third)

        def reconcile():
            requeue_stuck(older_than=timedelta(seconds=20))

        done = wait_until(lambda: not any(stuck_work(older_than=timedelta(0)).values())
                          and Award.objects.count() == LEARNERS
                          and IssuedCredential.objects.count() == 2 * LEARNERS,
                          timeout=1500, every=10, on_wait=reconcile)
        assert done, {name: len(ids) for name, ids in stuck_work(older_than=timedelta(0)).items()}
    finally:
        kill_worker(worker)

    unique_ids = {c.source_event_id for c in stream}
    assert CompletionEvent.objects.count() == len(unique_ids)
    assert not CompletionEvent.objects.filter(state__in=[EventState.RECEIVED, EventState.FAILED]).exists()
    assert Learner.objects.count() == LEARNERS
    assert Award.objects.count() == LEARNERS
    assert not Award.objects.values("learner", "version").annotate(n=Count("id")).filter(n__gt=1).exists()
    per_award = IssuedCredential.objects.values("award", "format").annotate(n=Count("id"))
    assert {row["n"] for row in per_award} == {1} and per_award.count() == 2 * LEARNERS
    indexes = IssuedCredential.objects.filter(format="ob3+di").values_list("status_index", flat=True)
    assert len(set(indexes)) == LEARNERS
    connection.close()

"""POST /api/v1/completions/batch/: many completions per request, each stored and awarded exactly once."""

from __future__ import annotations

import pytest

from mc_lms_bridge.connectors.api import BATCH_MAX
from mc_lms_bridge.models import Award, CompletionEvent, IssuedCredential
from mc_lms_bridge.pipeline import inbox

from .conftest import COURSE

pytestmark = pytest.mark.django_db
BATCH = "/api/v1/completions/batch/"


def item(n: int, key: str | None = None, grade: str = "0.8", **extra) -> dict:
    return {"idempotency_key": key or f"batch-key-{n:06d}", "course_id": COURSE, "kind": "passed", "grade": grade,
            "learner": {"id": f"u{n}", "email": f"learner{n}@example.org", "email_verified": True,
                        "given_name": "Ana", "family_name": f"L{n}"}, **extra}


@pytest.fixture
def send(api_a, django_capture_on_commit_callbacks):
    def post(items):
        with django_capture_on_commit_callbacks(execute=True):
            return api_a.post(BATCH, {"completions": items})
    return post


def test_a_batch_awards_every_learner_once_and_replays_are_no_ops(tagged, send, monkeypatch):
    monkeypatch.setattr(inbox, "PROCESSING_CHUNK", 2)  # several chunk tasks, as with a large batch
    first = send([item(n) for n in range(5)])
    assert first.status_code == 202, first.content
    body = first.json()
    assert (body["accepted"], body["replayed"], body["conflicts"]) == (5, 0, 0)
    assert [r["index"] for r in body["results"]] == list(range(5))
    assert Award.objects.count() == 5
    assert IssuedCredential.objects.count() == 15
    assert set(CompletionEvent.objects.values_list("state", flat=True)) == {"awarded"}

    again = send([item(n) for n in range(3)] + [item(9)])
    assert again.status_code == 202
    summary = again.json()
    assert (summary["accepted"], summary["replayed"]) == (1, 3)
    assert [r["id"] for r in summary["results"][:3]] == [r["id"] for r in body["results"][:3]]
    assert Award.objects.count() == 6 and CompletionEvent.objects.count() == 6


def test_a_key_reused_with_another_body_is_a_per_item_conflict(tagged, send):
    send([item(1)])
    response = send([item(1, grade="0.9"), item(2)])
    assert response.status_code == 202
    conflict, accepted = response.json()["results"]
    assert conflict["code"] == "idempotency_conflict" and "different body" in conflict["detail"]
    assert accepted["created"] is True
    assert CompletionEvent.objects.count() == 2 and Award.objects.count() == 2


def test_only_replays_answer_200(tagged, send):
    send([item(1)])
    assert send([item(1)]).status_code == 200


@pytest.mark.parametrize(("items", "where", "words"), [
    ([], "completions", "empty"),
    ([item(1), item(2, key="batch-key-000001")], "completions", "repeated: batch-key-000001"),
    ([item(1), item(2, key="short")], "completions", "idempotency key"),
    ([item(1), {**item(2), "grade": "7"}], "completions", "less than or equal to 1"),
    ([item(1), {**item(2), "surprise": 1}], "completions", "Unknown field"),
    ([item(n) for n in range(BATCH_MAX + 1)], "completions", str(BATCH_MAX)),
])
def test_bad_batches_are_400_and_store_nothing(tagged, send, items, where, words):
    response = send(items)
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert where in errors and words in str(errors[where]), errors
    assert CompletionEvent.objects.count() == 0


def test_a_batch_that_is_not_a_list_is_400(api_a, tagged):
    for body in ({"completions": {"a": 1}}, {"completions": "x"}, {"other": []}, [1, 2]):
        response = api_a.post(BATCH, body)
        assert response.status_code == 400, (body, response.content)
    assert CompletionEvent.objects.count() == 0


def test_batches_need_the_write_scope(token_client, org_a, tagged):
    reader = token_client(org_a, scopes=["catalogue:read"])
    assert reader.post(BATCH, {"completions": [item(1)]}).status_code == 403
    assert CompletionEvent.objects.count() == 0


def test_single_and_batch_reports_share_one_key_namespace(tagged, send, report):
    single = report(key="shared-key-0001", user="u1", email="learner1@example.org", given_name="Ana",
                    family_name="L1")
    assert single.status_code == 202
    same = {"idempotency_key": "shared-key-0001", "course_id": COURSE, "kind": "passed", "grade": "0.8",
            "learner": {"id": "u1", "email": "learner1@example.org", "email_verified": True, "given_name": "Ana",
                        "family_name": "L1"}}
    replay = send([same])
    assert replay.status_code == 200
    assert replay.json()["results"][0] == {"index": 0, "id": single.json()["id"], "state": "awarded",
                                           "created": False}
    assert CompletionEvent.objects.count() == 1 and Award.objects.count() == 1


def test_a_chunk_retries_only_its_events_that_hit_a_transient_error(tagged, monkeypatch):
    from django.db import OperationalError

    from mc_lms_bridge import tasks
    from mc_lms_bridge.pipeline import processing

    events = [inbox.record_completion(_normalized(n))[0] for n in range(3)]
    real = processing.process_event
    flaky, broken = str(events[0].pk), str(events[1].pk)

    def process(event_id):
        if event_id == flaky:
            raise OperationalError("connection lost")
        if event_id == broken:
            raise ValueError("a bug")
        return real(event_id)

    monkeypatch.setattr(processing, "process_event", process)
    retried = []
    monkeypatch.setattr(tasks.process_completion_events, "retry",
                        lambda args, countdown: retried.append((args, countdown)) or RuntimeError("retry"))
    with pytest.raises(RuntimeError, match="retry"):
        tasks.process_completion_events.run([str(e.pk) for e in events])
    assert retried == [([[flaky]], 2)]  # task args: the one list of event ids
    states = dict(CompletionEvent.objects.values_list("id", "state"))
    assert states[events[2].pk] == "awarded"  # the events after the failing ones were not held up
    assert states[events[0].pk] == "received"  # transient: retried by the task, nothing counted
    broken_event = CompletionEvent.objects.get(pk=broken)
    assert (broken_event.state, broken_event.attempts) == ("failed", 1)
    assert broken_event.outcome == {"error": "Processing failed (ValueError); it is retried, see the worker log."}


def _normalized(n: int):
    from decimal import Decimal

    from django.utils import timezone

    from mc_lms_bridge.connectors.base import LearnerIdentity, NormalizedCompletion

    return NormalizedCompletion(
        platform="api", platform_instance="univ-a", source_event_id=f"chunk-{n}", course_id=COURSE, kind="passed",
        grade=Decimal("0.8"), occurred_at=timezone.now(), raw={},
        learner=LearnerIdentity(user_id=f"c{n}", email=f"c{n}@example.org", email_verified=True, given_name="C",
                                family_name=str(n)))


@pytest.mark.django_db(transaction=True)
def test_overlapping_batches_in_opposite_orders_neither_deadlock_nor_duplicate(tagged, monkeypatch):
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":  # SQLite locks the whole database: this is about row locks
        pytest.skip("row-level locking is a PostgreSQL matter; bin/test runs on PostgreSQL")
    queued = []
    monkeypatch.setattr(inbox, "safe_delay", lambda name, ids: queued.extend(ids))  # record, do not process

    for round_number in range(4):
        completions = [_normalized(10_000 * round_number + n) for n in range(1000)]
        errors, results = [], []
        together = threading.Barrier(2)

        def insert(items, together=together, results=results, errors=errors):
            try:
                together.wait()
                results.append(inbox.record_completions(items))
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=insert, args=(completions,)),
                   threading.Thread(target=insert, args=(completions[::-1],))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        created = sum(created for result in results for _, created in result)
        assert created == 1000  # each event created by exactly one of the two batches
    assert CompletionEvent.objects.count() == 4000
    assert sorted(queued) == sorted(str(pk) for pk in CompletionEvent.objects.values_list("pk", flat=True))


def test_a_lost_lock_race_is_a_503_the_client_may_repeat():
    from django.db import OperationalError

    from mc_lms_bridge.api.errors import exception_handler

    class Deadlock(Exception):
        sqlstate = "40P01"

    error = OperationalError("deadlock detected")
    error.__cause__ = Deadlock()
    response = exception_handler(error, {})
    assert response.status_code == 503 and response["Retry-After"] == "1"
    assert response.data["code"] == "retry"
    other = OperationalError("server closed the connection")
    assert exception_handler(other, {}) is None  # not a lock race: not turned into a "repeat it" answer


def test_an_event_failing_for_good_stops_being_requeued_after_the_maximum_attempts(tagged, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    from mc_lms_bridge import tasks
    from mc_lms_bridge.pipeline import processing, reconciliation

    event, _ = inbox.record_completion(_normalized(7))
    CompletionEvent.objects.filter(pk=event.pk).update(received_at=timezone.now() - timedelta(hours=1))
    monkeypatch.setattr(processing, "process_event", lambda event_id: (_ for _ in ()).throw(ValueError("bug")))
    assert event.pk in reconciliation.stuck_work(older_than=timedelta(minutes=1))["events"]
    for attempt in range(1, reconciliation.MAX_EVENT_ATTEMPTS + 1):
        with pytest.raises(ValueError):
            tasks.process_completion_event.run(str(event.pk))
        assert CompletionEvent.objects.get(pk=event.pk).attempts == attempt
    assert event.pk not in reconciliation.stuck_work(older_than=timedelta(minutes=1))["events"]

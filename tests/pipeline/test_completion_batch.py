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

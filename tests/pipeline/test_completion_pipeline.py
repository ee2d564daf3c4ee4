"""From a reported completion to issued credentials and a learner e-mail, exactly once, with reasons recorded."""

from __future__ import annotations

import pytest
from django.core import mail

from mc_lms_bridge.models import (
    Award,
    CompletionEvent,
    CredentialState,
    Delivery,
    IssuedCredential,
    Learner,
    MicroCredential,
)

pytestmark = pytest.mark.django_db


def test_passing_completion_issues_all_formats_and_emails_the_learner(tagged, report, api_a):
    response = report(grade="0.85")
    assert response.status_code == 202, response.content
    body = response.json()
    event = CompletionEvent.objects.get(pk=body["id"])
    assert event.state == "awarded"
    assert event.outcome["tags"][0]["reason"] == "Grade 0.850000 reaches the minimum 0.6000."
    award = Award.objects.get()
    assert award.reason["source_event"] == str(event.pk) and award.grade == "85 %"
    assert set(IssuedCredential.objects.filter(award=award).values_list("format", flat=True)) == {
        "ob3+di", "ob3+jwt", "edc+jades"}
    assert Delivery.objects.get(award=award).state == "sent"
    assert len(mail.outbox) == 1 and "/c/" in mail.outbox[0].body
    state = api_a.get(f"/api/v1/completions/{event.pk}/").json()
    assert state["state"] == "awarded" and len(state["credentials"]) == 3


def test_replayed_key_is_a_no_op_and_changed_body_is_a_conflict(tagged, report):
    first = report(key="sis-event-0001")
    again = report(key="sis-event-0001")
    assert first.status_code == 202 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    conflict = report(key="sis-event-0001", grade="0.9")
    assert conflict.status_code == 409
    assert CompletionEvent.objects.count() == 1 and Award.objects.count() == 1


def test_a_second_passing_event_does_not_duplicate(tagged, report):
    report(grade="0.7")
    report(grade="0.9")
    assert Award.objects.count() == 1 and IssuedCredential.objects.count() == 3
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(("kwargs", "reason_words"), [
    ({"course": "NOT-TAGGED"}, "not tagged"),
    ({"grade": "0.5"}, "below the minimum"),
    ({"grade": None}, "gave none"),
])
def test_non_awarding_events_are_recorded_with_their_reason(tagged, report, kwargs, reason_words):
    response = report(**kwargs)
    assert response.status_code == 202
    event = CompletionEvent.objects.get()
    assert event.state == "ignored"
    assert reason_words in str(event.outcome)
    assert not Award.objects.exists() and not IssuedCredential.objects.exists()


@pytest.mark.parametrize(("payload", "field"), [
    ({"course_id": "C", "kind": "passed"}, "learner"),
    ({"course_id": "C", "kind": "graduated", "learner": {"id": "1"}}, "kind"),
    ({"course_id": "C", "kind": "passed", "grade": "1.5", "learner": {"id": "1"}}, "grade"),
    ({"course_id": "C", "kind": "passed", "learner": {"id": "1", "email": "not-an-email"}}, "learner"),
])
def test_malformed_completions_are_400(api_a, tagged, payload, field):
    response = api_a.post("/api/v1/completions/", payload, HTTP_IDEMPOTENCY_KEY="key-12345678")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not CompletionEvent.objects.exists()


def test_missing_idempotency_key_and_scope(api_a, token_client, org_a, tagged):
    payload = {"course_id": "C", "kind": "passed", "learner": {"id": "1"}}
    assert api_a.post("/api/v1/completions/", payload).status_code == 400
    reader = token_client(org_a, scopes=["catalogue:read"])
    assert reader.post("/api/v1/completions/", payload, HTTP_IDEMPOTENCY_KEY="key-12345678").status_code == 403


def test_revoke_policy_then_pass_again_gives_a_new_credential(tagged, report):
    MicroCredential.objects.filter(pk=tagged.pk).update(reversal_policy="revoke")
    report(grade="0.8")
    first_award = Award.objects.get()
    report(kind="failed", grade="0.2")
    first_award.refresh_from_db()
    assert first_award.revoked_at is not None
    assert set(IssuedCredential.objects.filter(award=first_award).values_list("state", flat=True)) == {
        CredentialState.REVOKED}
    assert CompletionEvent.objects.filter(state="reversed").count() == 1
    report(grade="0.95")
    second = Award.objects.exclude(pk=first_award.pk).get()
    assert second.revoked_at is None
    assert IssuedCredential.objects.filter(award=second, state="active").count() == 3
    assert IssuedCredential.objects.filter(award=first_award, state="revoked").count() == 3


def test_ignore_policy_keeps_the_credential(tagged, report):
    report(grade="0.8")
    report(kind="failed")
    assert Award.objects.get().revoked_at is None
    assert "ignore" in str(CompletionEvent.objects.get(kind="failed").outcome)


def test_suspend_policy_with_revocation_lists_is_explained(tagged, report):
    MicroCredential.objects.filter(pk=tagged.pk).update(reversal_policy="suspend")
    report(grade="0.8")
    report(kind="failed")
    event = CompletionEvent.objects.get(kind="failed")
    assert "revocation list" in str(event.outcome)
    assert set(IssuedCredential.objects.values_list("state", flat=True)) == {"active"}


def test_identity_links_only_by_verified_email(tagged, report, org_a):
    from mc_lms_bridge.models import CourseTag

    CourseTag.objects.create(microcredential=tagged, platform="moodle", platform_instance="https://moodle.example",
                             course_id="7", rule="completed")
    report(user="sis-1", email="same@example.org")
    from django.utils import timezone

    from mc_lms_bridge.connectors.base import LearnerIdentity, NormalizedCompletion
    from mc_lms_bridge.pipeline.inbox import record_completion
    from mc_lms_bridge.pipeline.processing import process_event

    def other_platform(user_id, email, verified, name="Ana"):
        event, _ = record_completion(NormalizedCompletion(
            platform="moodle", platform_instance="https://moodle.example", source_event_id=f"e-{user_id}",
            course_id="7", kind="completed", occurred_at=timezone.now(),
            learner=LearnerIdentity(user_id=user_id, email=email, email_verified=verified, given_name=name,
                                    family_name="Andromeda")))
        return process_event(event.pk)

    assert other_platform("m-1", "same@example.org", True).learner == Learner.objects.get(accounts__user_id="sis-1")
    assert other_platform("m-2", "same@example.org", False).learner != Learner.objects.get(accounts__user_id="sis-1")
    assert other_platform("m-3", "other@example.org", True).learner != Learner.objects.get(accounts__user_id="sis-1")
    assert Learner.objects.count() == 3

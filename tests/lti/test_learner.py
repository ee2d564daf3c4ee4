"""Learner page: the published elements, the learner's own progress, and the credential once awarded."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from lti_platforms import LEARNER
from test_instructor import FORM

from mc_lms_bridge import identity
from mc_lms_bridge.models import (
    Award,
    CompletionEvent,
    IssuedCredential,
    Learner,
    LearnerAccount,
    MicroCredential,
)


def _publish(client, moodle):
    launch_id = moodle.launch()["Location"].split("launch=")[1]
    response = client.post("/lti/course/", {**FORM, "launch": launch_id, "action": "publish"})
    assert response.status_code == 302, response.content
    return MicroCredential.objects.get()


def _learner_page(client, moodle, user_id="moodle-learner-1"):
    response = moodle.launch(user_id, LEARNER)
    assert response["Location"].startswith("/lti/learner/?launch=")
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page.content.decode()


def _event(user_id, grade="0.4"):
    return CompletionEvent.objects.create(
        platform="moodle", platform_instance="https://moodle.test", source_event_id=f"ev-{user_id}-{grade}",
        course_id="course-7", user_id=user_id, kind="graded", grade=Decimal(grade), occurred_at=timezone.now())


def _award(microcredential, user_id):
    learner = Learner.objects.create(given_name="Ada")
    LearnerAccount.objects.create(learner=learner, platform="moodle", platform_instance="https://moodle.test",
                                  user_id=user_id)
    award = Award.objects.create(learner=learner, version=microcredential.published_version(),
                                 awarded_at=timezone.now())
    return IssuedCredential.objects.create(award=award, format="ob3+di", credential_id="urn:uuid:y", payload="{}",
                                           issued_at=timezone.now())


def test_learner_sees_the_standard_elements_and_no_progress_yet(client, moodle):
    _publish(client, moodle)
    html = _learner_page(client, moodle)
    assert "<h1>Data Literacy</h1>" in html
    assert "Develop digital content from data." in html and "University univ-a" in html
    assert "<dd>5.00</dd>" in html and "130 hours" in html and "en, fr" in html
    assert "Grade at least a minimum" in html and "0.6000" in html
    assert "Not completed yet." in html


def test_learner_sees_only_their_own_completion_events(client, moodle):
    _publish(client, moodle)
    _event("moodle-learner-1", "0.4")
    _event("someone-else", "0.9")
    html = _learner_page(client, moodle)
    assert "grade 0.400000" in html and "0.900000" not in html
    assert "Not completed yet." not in html


def test_awarded_learner_gets_their_credential_links(client, moodle):
    microcredential = _publish(client, moodle)
    credential = _award(microcredential, "moodle-learner-1")
    html = _learner_page(client, moodle)
    assert "Awarded on" in html
    assert f'href="{identity.credential_page_url(credential.id)}"' in html
    other = _learner_page(client, moodle, "moodle-learner-2")
    assert "Awarded on" not in other and str(credential.id) not in other


def test_unpublished_course_says_so(client, moodle):
    launch_id = moodle.launch()["Location"].split("launch=")[1]
    client.post("/lti/course/", {**FORM, "launch": launch_id, "action": "save"})
    assert "does not lead to a published micro-credential yet" in _learner_page(client, moodle)

"""The poller against the fake Moodle: only un-awarded learners asked, cap held, completions recorded once."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from django.utils import timezone

from mc_lms_bridge.connectors.moodle.planning import poll_slot
from mc_lms_bridge.connectors.moodle.poller import poll_due_moodle_courses, poll_moodle_course
from mc_lms_bridge.models import Award, CompletionEvent, EventState, Learner, LearnerAccount, MicroCredential

from .conftest import COURSE
from .fake_moodle import NO_CRITERIA

STATUS = "core_completion_get_course_completion_status"


def _award(tag, user_id):
    learner = Learner.objects.create(given_name="Done")
    LearnerAccount.objects.create(learner=learner, platform="moodle", platform_instance=tag.platform_instance,
                                  user_id=str(user_id))
    version = MicroCredential.objects.get(pk=tag.microcredential_id).published_version()
    Award.objects.create(learner=learner, version=version, awarded_at=timezone.now())


def _asked(fake):
    return sorted(int(call["userid"]) for call in fake.calls(STATUS))


def test_only_unawarded_learners_are_asked(tagged_course, fake_moodle):
    tag, _ = tagged_course
    for user_id in (2, 3, 4):
        fake_moodle.enrol(COURSE, user_id)
    _award(tag, 3)
    report = poll_moodle_course(tag.pk)
    assert _asked(fake_moodle) == [2, 4]
    assert report.skipped_done == 1 and report.asked == 2 and report.stopped == ""


def test_completed_learner_recorded_with_grade_and_unverified_email(tagged_course, fake_moodle):
    tag, site = tagged_course
    fake_moodle.enrol(COURSE, 2, "Grace", "Hopper")
    fake_moodle.complete(COURSE, 2, times=(1700000000, 1700003600), grade=80.0)
    report = poll_moodle_course(tag.pk)
    assert (report.completed, report.recorded) == (1, 1)
    event = CompletionEvent.objects.get()
    assert event.source_event_id == f"poll:{COURSE}:2:1700003600"
    assert (event.platform, event.platform_instance, event.course_id, event.user_id, event.kind) == (
        "moodle", site.base_url, str(COURSE), "2", "completed")
    assert event.grade == Decimal("0.8")
    assert event.occurred_at == datetime.fromtimestamp(1700003600, tz=UTC)
    assert event.learner_data["email"] == "user2@example.edu"
    assert event.learner_data["email_verified"] is False
    assert event.learner_data["given_name"] == "Grace"


def test_site_that_verifies_emails(tagged_course, fake_moodle):
    tag, site = tagged_course
    site.verifies_emails = True
    site.save()
    fake_moodle.enrol(COURSE, 2)
    fake_moodle.complete(COURSE, 2)
    poll_moodle_course(tag.pk)
    assert CompletionEvent.objects.get().learner_data["email_verified"] is True


def test_cap_respected_and_rotation_reaches_everyone(tagged_course, fake_moodle, moodle_settings):
    tag, _ = tagged_course
    moodle_settings(MOODLE_POLL_MAX_REQUESTS=5, MOODLE_POLL_INTERVAL_MINUTES=60)
    for user_id in range(2, 12):
        fake_moodle.enrol(COURSE, user_id)
    asked = set()
    for run in range(5):
        before = len(fake_moodle.requests)
        report = poll_moodle_course(tag.pk, now=datetime.fromtimestamp(run * 3600, tz=UTC))
        assert len(fake_moodle.requests) - before == report.requests <= 5
        assert report.asked == 2 and report.deferred == 8
        asked |= {int(c["userid"]) for c in fake_moodle.requests[before:] if c["wsfunction"] == STATUS}
    assert asked == set(range(2, 12))


def test_cap_counts_grade_requests(tagged_course, fake_moodle, moodle_settings):
    tag, _ = tagged_course
    moodle_settings(MOODLE_POLL_MAX_REQUESTS=4)
    for user_id in range(2, 8):
        fake_moodle.enrol(COURSE, user_id)
        fake_moodle.complete(COURSE, user_id, grade=90.0)
    report = poll_moodle_course(tag.pk)
    assert len(fake_moodle.requests) == report.requests <= 4
    assert report.recorded == 1  # listing + status + grade, and no room for a second learner


def test_completion_recorded_once_when_polled_twice(tagged_course, fake_moodle):
    tag, _ = tagged_course
    for user_id in (2, 3):
        fake_moodle.enrol(COURSE, user_id)
        fake_moodle.complete(COURSE, user_id)
    assert poll_moodle_course(tag.pk).recorded == 2
    # Pending inbox events: the second poll does not even ask about those learners.
    fake_moodle.requests.clear()
    second = poll_moodle_course(tag.pk)
    assert (second.asked, second.recorded, _asked(fake_moodle)) == (0, 0, [])
    # Processed without an award (e.g. ignored): asked again, same source event id, still one event each.
    CompletionEvent.objects.update(state=EventState.IGNORED)
    third = poll_moodle_course(tag.pk)
    assert (third.asked, third.completed, third.recorded) == (2, 2, 0)
    assert CompletionEvent.objects.count() == 2


def test_no_criteria_stops_the_run(tagged_course, fake_moodle):
    tag, _ = tagged_course
    for user_id in (2, 3, 4):
        fake_moodle.enrol(COURSE, user_id)
        fake_moodle.completion[(COURSE, user_id)] = NO_CRITERIA
    report = poll_moodle_course(tag.pk)
    assert "nocriteriaset" in report.stopped
    assert report.requests == 2 and len(fake_moodle.calls(STATUS)) == 1


def test_invalid_token_stops_without_events(tagged_course, fake_moodle):
    tag, _ = tagged_course
    fake_moodle.token = "rotated-on-moodle"
    fake_moodle.enrol(COURSE, 2)
    report = poll_moodle_course(tag.pk)
    assert "invalidtoken" in report.stopped and report.requests == 1
    assert CompletionEvent.objects.count() == 0


def test_unenrolled_between_listing_and_asking_is_skipped(tagged_course, fake_moodle):
    tag, _ = tagged_course
    fake_moodle.enrol(COURSE, 2)
    fake_moodle.enrol(COURSE, 3)
    fake_moodle.complete(COURSE, 3)
    fake_moodle.completion[(COURSE, 2)] = {"exception": "moodle_exception", "errorcode": "usernotenroled",
                                           "message": "User is not enrolled in this course"}
    report = poll_moodle_course(tag.pk)
    assert report.recorded == 1 and report.stopped == ""


def test_tag_without_site_or_published_version(tagged_course, fake_moodle):
    tag, site = tagged_course
    site.active = False
    site.save()
    assert "no active MoodleSite" in poll_moodle_course(tag.pk).stopped
    assert fake_moodle.requests == []


def test_due_courses_only(tagged_course, fake_moodle, moodle_settings):
    tag, _ = tagged_course
    moodle_settings(MOODLE_POLL_INTERVAL_MINUTES=60)
    slot = poll_slot(tag.platform_instance, tag.course_id, 60)
    due_time = datetime.fromtimestamp(slot * 60, tz=UTC)
    other_time = datetime.fromtimestamp(((slot + 1) % 60) * 60, tz=UTC)
    assert poll_due_moodle_courses(now=other_time) == []
    assert fake_moodle.requests == []
    assert [r.course_tag_id for r in poll_due_moodle_courses(now=due_time)] == [tag.pk]

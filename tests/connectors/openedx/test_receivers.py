"""Emit the real openedx-events signals with real data classes and check the inbox rows they leave."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from opaque_keys.edx.keys import CourseKey
from openedx_events.data import EventsMetadata
from openedx_events.learning.data import CertificateData, CourseData, CoursePassingStatusData, UserData
from openedx_events.learning.signals import (
    CCX_COURSE_PASSING_STATUS_UPDATED,
    CERTIFICATE_CREATED,
    CERTIFICATE_REVOKED,
    COURSE_PASSING_STATUS_UPDATED,
)

from mc_lms_bridge.models import CompletionEvent

from . import events
from .events import CCX_ID, COURSE_ID, LMS

pytestmark = pytest.mark.django_db
WHEN = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)


def only_event() -> CompletionEvent:
    rows = list(CompletionEvent.objects.all())
    assert len(rows) == 1, rows
    return rows[0]


def test_passing_status_becomes_a_passed_event_with_learner_and_raw_payload():
    COURSE_PASSING_STATUS_UPDATED.send_event(time=WHEN, course_passing_status=events.passing(True))

    event = only_event()
    assert (event.platform, event.platform_instance, event.course_id, event.user_id, event.kind) == (
        "openedx", LMS, COURSE_ID, "42", "passed")
    assert event.grade is None
    assert event.occurred_at == WHEN
    assert event.learner_data == {"email": "ada@example.org", "email_verified": True, "given_name": "",
                                  "family_name": "", "full_name": "Ada Lovelace"}
    assert uuid.UUID(event.source_event_id)
    assert event.raw["metadata"]["id"] == event.source_event_id
    assert event.raw["metadata"]["event_type"] == "org.openedx.learning.course.passing.status.updated.v1"
    assert event.raw["from_event_bus"] is False
    data = event.raw["course_passing_status"]
    assert data["is_passing"] is True
    assert data["course"]["course_key"] == COURSE_ID
    assert data["user"]["pii"] == {"username": "ada", "email": "ada@example.org", "name": "Ada Lovelace"}


def test_failing_status_becomes_a_failed_event():
    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.passing(False))
    assert only_event().kind == "failed"


def test_inactive_users_email_is_not_verified():
    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.passing(True, is_active=False))
    learner = only_event().learner_data
    assert learner["email"] == "ada@example.org"
    assert learner["email_verified"] is False


def test_ccx_passing_status_is_recorded_against_the_master_course():
    CCX_COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.ccx_passing(True))

    event = only_event()
    assert (event.course_id, event.kind) == (COURSE_ID, "passed")
    assert event.raw["course_passing_status"]["course"]["ccx_course_key"] == CCX_ID
    assert event.raw["metadata"]["event_type"] == "org.openedx.learning.ccx.course.passing.status.updated.v1"


@pytest.mark.parametrize(("grade", "expected"), [
    ("0.87", Decimal("0.870000")), ("87%", Decimal("0.870000")), ("1", Decimal("1")), ("", None)])
def test_certificate_created_carries_its_grade_as_a_fraction(grade, expected):
    CERTIFICATE_CREATED.send_event(time=WHEN, certificate=events.certificate(grade=grade))

    event = only_event()
    assert (event.kind, event.course_id, event.user_id, event.occurred_at) == (
        "certificate_created", COURSE_ID, "42", WHEN)
    assert event.grade == expected
    assert event.raw["certificate"]["grade"] == grade
    assert event.raw["certificate"]["current_status"] == "downloadable"


def test_certificate_revoked_becomes_a_revoked_event_without_grade():
    CERTIFICATE_REVOKED.send_event(certificate=events.certificate(grade="0.9", status="notpassing"))
    event = only_event()
    assert (event.kind, event.grade) == ("certificate_revoked", None)


def test_created_certificate_in_a_non_awarding_status_is_ignored(caplog):
    with caplog.at_level(logging.INFO, logger="mc_lms_bridge"):
        CERTIFICATE_CREATED.send_event(certificate=events.certificate(status="notpassing"))
    assert not CompletionEvent.objects.exists()
    assert "not an achievement" in caplog.text


def test_distinct_events_make_distinct_rows():
    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.passing(True))
    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.passing(True))
    CERTIFICATE_CREATED.send_event(certificate=events.certificate())
    assert CompletionEvent.objects.count() == 3
    assert len(set(CompletionEvent.objects.values_list("source_event_id", flat=True))) == 3


def test_redelivered_event_with_the_same_metadata_is_recorded_once(django_capture_on_commit_callbacks, caplog):
    metadata = EventsMetadata(event_type=COURSE_PASSING_STATUS_UPDATED.event_type, time=WHEN)
    with django_capture_on_commit_callbacks() as callbacks, caplog.at_level(logging.INFO, logger="mc_lms_bridge"):
        for _ in range(3):
            COURSE_PASSING_STATUS_UPDATED.send_event_with_custom_metadata(
                metadata, course_passing_status=events.passing(True))

    event = only_event()
    assert event.source_event_id == str(metadata.id)
    assert event.raw["from_event_bus"] is True
    assert len(callbacks) == 1, "processing is queued once, for the row that was created"
    assert caplog.text.count("already recorded") == 2


def test_configured_instance_name_wins_over_lms_root_url(settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "OPENEDX_PLATFORM_INSTANCE": "eu-campus-lms"}
    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.passing(True))
    assert only_event().platform_instance == "eu-campus-lms"


def test_same_event_id_on_two_lms_instances_makes_two_rows(settings):
    metadata = EventsMetadata(event_type=COURSE_PASSING_STATUS_UPDATED.event_type)
    COURSE_PASSING_STATUS_UPDATED.send_event_with_custom_metadata(metadata, course_passing_status=events.passing())
    settings.LMS_ROOT_URL = "https://other-lms.example.edu"
    COURSE_PASSING_STATUS_UPDATED.send_event_with_custom_metadata(metadata, course_passing_status=events.passing())
    assert sorted(CompletionEvent.objects.values_list("platform_instance", flat=True)) == [
        LMS, "https://other-lms.example.edu"]


MALFORMED = {
    "no course key": lambda: (COURSE_PASSING_STATUS_UPDATED, "course_passing_status", CoursePassingStatusData(
        is_passing=True, course=CourseData(course_key=None), user=events.user())),
    "no course": lambda: (COURSE_PASSING_STATUS_UPDATED, "course_passing_status", CoursePassingStatusData(
        is_passing=True, course=None, user=events.user())),
    "course key too long": lambda: (COURSE_PASSING_STATUS_UPDATED, "course_passing_status", CoursePassingStatusData(
        is_passing=True, course=CourseData(course_key="course-v1:X+" + "Y" * 300), user=events.user())),
    "no user id": lambda: (COURSE_PASSING_STATUS_UPDATED, "course_passing_status", CoursePassingStatusData(
        is_passing=True, course=events.course(), user=UserData(id=None, is_active=True, pii=None))),
    "no user": lambda: (COURSE_PASSING_STATUS_UPDATED, "course_passing_status", CoursePassingStatusData(
        is_passing=True, course=events.course(), user=None)),
    "is_passing not a boolean": lambda: (COURSE_PASSING_STATUS_UPDATED, "course_passing_status",
                                         CoursePassingStatusData(is_passing="yes", course=events.course(),
                                                                 user=events.user())),
    "grade not a number": lambda: (CERTIFICATE_CREATED, "certificate", events.certificate(grade="A+")),
    "grade above one": lambda: (CERTIFICATE_CREATED, "certificate", events.certificate(grade="1.5")),
    "grade NaN": lambda: (CERTIFICATE_CREATED, "certificate", events.certificate(grade="NaN")),
    "certificate without course": lambda: (CERTIFICATE_REVOKED, "certificate", CertificateData(
        user=events.user(), course=None, mode="verified", grade="", download_url="", name="Ada Lovelace",
        current_status="notpassing")),
}


@pytest.mark.parametrize("debug", [False, True], ids=["send_robust", "debug-send"])
@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_event_leaves_no_row_raises_nothing_and_logs_no_pii(case, debug, settings, caplog):
    # With DEBUG on, openedx-events uses send() instead of send_robust(): a raising receiver would propagate.
    settings.DEBUG = debug
    signal, name, data = MALFORMED[case]()
    with caplog.at_level(logging.INFO, logger="mc_lms_bridge"):
        responses = signal.send_event(**{name: data})

    assert not CompletionEvent.objects.exists()
    assert all(not isinstance(response, Exception) for _receiver, response in responses)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name.startswith("mc_lms_bridge")]
    assert len(warnings) == 1, caplog.text
    assert "not recorded" in warnings[0].getMessage()
    assert "ada@example.org" not in caplog.text and "Ada Lovelace" not in caplog.text


def test_missing_instance_name_leaves_no_row_and_says_what_to_configure(settings, caplog):
    del settings.LMS_ROOT_URL
    with caplog.at_level(logging.WARNING, logger="mc_lms_bridge"):
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.passing(True))
    assert not CompletionEvent.objects.exists()
    assert "LMS_ROOT_URL" in caplog.text


def test_database_refusal_is_logged_not_raised(settings, caplog):
    # PostgreSQL refuses NUL characters in text and JSON: an unexpected storage error, not bad-shape data.
    # (SQLite stores them, so there the event is simply recorded.)
    settings.DEBUG = True
    data = events.passing(True, name="Ada\x00Lovelace")
    with caplog.at_level(logging.ERROR, logger="mc_lms_bridge"):
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=data)
    if connection.vendor == "postgresql":
        assert not CompletionEvent.objects.exists()
        assert "unexpected error" in caplog.text
    else:
        assert CompletionEvent.objects.get().learner_data["full_name"] == "Ada\x00Lovelace"
        assert "unexpected error" not in caplog.text


def test_receiver_called_without_metadata_does_not_raise(caplog):
    from mc_lms_bridge.connectors.openedx import receivers

    with caplog.at_level(logging.WARNING, logger="mc_lms_bridge"):
        receivers.course_passing_status_updated(course_passing_status=events.passing(True), metadata=None)
    assert not CompletionEvent.objects.exists()
    assert "metadata id" in caplog.text


def test_course_key_objects_are_kept_as_strings_in_raw():
    data = CoursePassingStatusData(is_passing=True, course=CourseData(
        course_key=CourseKey.from_string(COURSE_ID), display_name="<b>x</b>", start=WHEN), user=events.user())
    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=data)
    raw_course = only_event().raw["course_passing_status"]["course"]
    assert raw_course == {"course_key": COURSE_ID, "display_name": "<b>x</b>", "start": WHEN.isoformat(),
                          "end": None}

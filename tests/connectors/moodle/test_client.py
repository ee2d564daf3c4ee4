"""MoodleClient against the local fake Moodle: answer shapes, each error shape, transport failures, no token leaks."""

from __future__ import annotations

import logging
import socket
from decimal import Decimal

import pytest

from mc_lms_bridge.connectors.moodle.client import MoodleClient
from mc_lms_bridge.connectors.moodle.errors import (
    MoodleAccessDenied,
    MoodleBadResponse,
    MoodleConnectionError,
    MoodleError,
    MoodleHTTPError,
    MoodleInvalidToken,
    MoodleNoCriteria,
    MoodleTimeout,
    MoodleUserNotEnrolled,
)

from .fake_moodle import ACCESS_DENIED, NO_CRITERIA, moodle_exception

COURSE = 7


@pytest.fixture
def client(fake_moodle):
    return MoodleClient(fake_moodle.url + "/", fake_moodle.token, timeout=2)


def test_completion_status_parsed_and_time_is_last_criterion(fake_moodle, client):
    fake_moodle.enrol(COURSE, 3)
    fake_moodle.complete(COURSE, 3, times=(1700000100, 1700000500))
    status = client.course_completion_status(COURSE, 3)
    assert status.completed is True
    assert status.aggregation == 1
    assert status.timecompleted == 1700000500
    assert len(status.criteria) == 2
    sent = fake_moodle.calls("core_completion_get_course_completion_status")[0]
    assert (sent["courseid"], sent["userid"], sent["moodlewsrestformat"]) == ("7", "3", "json")


def test_any_aggregation_uses_first_completed_criterion(fake_moodle, client):
    fake_moodle.enrol(COURSE, 3)
    fake_moodle.complete(COURSE, 3, times=(1700000900, 1700000200), aggregation=2)
    assert client.course_completion_status(COURSE, 3).timecompleted == 1700000200


def test_incomplete_status_has_no_time(fake_moodle, client):
    fake_moodle.enrol(COURSE, 3)
    status = client.course_completion_status(COURSE, 3)
    assert (status.completed, status.timecompleted) == (False, None)


def test_enrolled_users_paged_with_moodle_array_options(fake_moodle, client):
    for user_id in range(2, 7):
        fake_moodle.enrol(COURSE, user_id)
    users = client.enrolled_users(COURSE, page_size=2)
    assert [u.id for u in users] == ["2", "3", "4", "5", "6"]
    assert users[0].email == "user2@example.edu" and users[0].fullname == "Ada Lovelace"
    calls = fake_moodle.calls("core_enrol_get_enrolled_users")
    assert len(calls) == 3  # 2 + 2 + 1: the short page ends the listing
    options = {o["name"]: o["value"] for o in calls[1]["options"].values()}
    assert options["limitfrom"] == "2" and options["limitnumber"] == "2"
    assert "email" in options["userfields"]


def test_user_grade_is_course_total_fraction(fake_moodle, client):
    fake_moodle.grades[(COURSE, 3)] = (72.5, 0.0, 100.0)
    assert client.user_grade(COURSE, 3) == Decimal("0.725000")


def test_user_grade_none_when_not_graded(fake_moodle, client):
    assert client.user_grade(COURSE, 3) is None


@pytest.mark.parametrize(("payload", "error_class", "errorcode"), [
    (NO_CRITERIA, MoodleNoCriteria, "nocriteriaset"),
    (ACCESS_DENIED, MoodleAccessDenied, "accessexception"),
    (moodle_exception("nopermissions", "Sorry, but you do not currently have permissions to do that.",
                      "required_capability_exception"), MoodleAccessDenied, "nopermissions"),
])
def test_exception_payloads_map_to_specific_errors(fake_moodle, client, payload, error_class, errorcode):
    fake_moodle.enrol(COURSE, 3)
    fake_moodle.completion[(COURSE, 3)] = payload
    with pytest.raises(error_class) as caught:
        client.course_completion_status(COURSE, 3)
    assert caught.value.errorcode == errorcode
    assert payload["message"] in str(caught.value)


def test_not_enrolled(fake_moodle, client):
    with pytest.raises(MoodleUserNotEnrolled, match="not enrolled"):
        client.course_completion_status(COURSE, 99)


def test_unknown_errorcode_is_generic_moodle_error(fake_moodle, client):
    with pytest.raises(MoodleError) as caught:
        client.call("local_nothing_here")
    assert type(caught.value) is MoodleError
    assert caught.value.errorcode == "invalidrecord"
    assert caught.value.exception == "dml_missing_record_exception"


def test_invalid_token(fake_moodle):
    with pytest.raises(MoodleInvalidToken, match="Invalid token"):
        MoodleClient(fake_moodle.url, "wrong-token").enrolled_users(COURSE)


def test_http_500(fake_moodle, client):
    fake_moodle.raw_answer = (500, "text/html", b"<html>Internal Server Error</html>")
    with pytest.raises(MoodleHTTPError) as caught:
        client.enrolled_users(COURSE)
    assert caught.value.status == 500


def test_non_json_answer(fake_moodle, client):
    fake_moodle.raw_answer = (200, "text/html; charset=utf-8", b"<html>Site is under maintenance</html>")
    with pytest.raises(MoodleBadResponse, match="non-JSON content \\(text/html"):
        client.enrolled_users(COURSE)


def test_wrong_json_shape(fake_moodle, client):
    fake_moodle.raw_answer = (200, "application/json", b'{"users": []}')
    with pytest.raises(MoodleBadResponse, match="not a list"):
        client.enrolled_users(COURSE)


def test_timeout(fake_moodle):
    fake_moodle.delay = 1.0
    with pytest.raises(MoodleTimeout, match="0.2 seconds"):
        MoodleClient(fake_moodle.url, fake_moodle.token, timeout=0.2).enrolled_users(COURSE)


def test_connection_refused():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(MoodleConnectionError):
        MoodleClient(f"http://127.0.0.1:{port}", "t", timeout=2).enrolled_users(COURSE)


def test_token_only_in_post_body(fake_moodle, client):
    client.enrolled_users(COURSE)
    request = fake_moodle.requests[0]
    assert request["wstoken"] == fake_moodle.token
    assert fake_moodle.token not in request["_path"]


def test_token_never_in_repr_errors_or_logs(fake_moodle, caplog):
    token = fake_moodle.token
    client = MoodleClient(fake_moodle.url, token, timeout=0.2)
    assert token not in repr(client) and token not in str(client)
    fake_moodle.enrol(COURSE, 3)
    fake_moodle.completion[(COURSE, 3)] = moodle_exception("weird", f"token {token} rejected")  # Moodle echoing it
    failures = []
    with caplog.at_level(logging.DEBUG):
        for setup in (lambda: None, lambda: setattr(fake_moodle, "raw_answer", (500, "text/html", token.encode())),
                      lambda: setattr(fake_moodle, "raw_answer", (200, "text/html", token.encode()))):
            setup()
            with pytest.raises(MoodleError) as caught:
                client.course_completion_status(COURSE, 3)
            failures.append(caught.value)
    assert [type(f).__name__ for f in failures] == ["MoodleError", "MoodleHTTPError", "MoodleBadResponse"]
    for failure in failures:
        assert token not in str(failure) and token not in repr(failure)
    assert "[redacted]" in str(failures[0])
    assert token not in caplog.text

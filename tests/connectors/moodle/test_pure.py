"""Pure parts of the Moodle connector: parameter encoding, answer parsing, poll planning, payload validation."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from mc_lms_bridge.connectors.moodle.encoding import flatten_params
from mc_lms_bridge.connectors.moodle.errors import MoodleBadResponse
from mc_lms_bridge.connectors.moodle.parsing import (
    EnrolledUser,
    course_grade_fraction,
    parse_completion_status,
    parse_enrolled_users,
)
from mc_lms_bridge.connectors.moodle.planning import is_due, plan_poll, poll_slot
from mc_lms_bridge.connectors.moodle.webhook_payload import WebhookPayloadError, parse_course_completed


def test_flatten_params_like_php():
    assert flatten_params({"courseid": 7, "options": [{"name": "onlyactive", "value": True}], "skip": None}) == [
        ("courseid", "7"), ("options[0][name]", "onlyactive"), ("options[0][value]", "1")]
    assert flatten_params({"userids": [4, 5]}) == [("userids[0]", "4"), ("userids[1]", "5")]


@pytest.mark.parametrize("payload", [{}, {"completionstatus": []}, {"completionstatus": {"completed": "yes"}},
                                     {"completionstatus": {"completed": True, "completions": {}}}])
def test_completion_status_shape_errors(payload):
    with pytest.raises(MoodleBadResponse):
        parse_completion_status(payload)


def test_enrolled_users_need_ids():
    with pytest.raises(MoodleBadResponse):
        parse_enrolled_users([{"username": "x"}])
    assert parse_enrolled_users([{"id": 5, "fullname": "A B"}]) == [EnrolledUser(id="5", fullname="A B")]


@pytest.mark.parametrize(("item", "expected"), [
    ({"graderaw": 15, "grademin": 0, "grademax": 20}, Decimal("0.75")),
    ({"graderaw": 7, "grademin": 2, "grademax": 12}, Decimal("0.5")),
    ({"graderaw": 120, "grademin": 0, "grademax": 100}, Decimal("1")),  # extra credit clamps
    ({"graderaw": None, "grademin": 0, "grademax": 100}, None),
    ({"graderaw": 5, "grademin": 0, "grademax": 0}, None),
])
def test_course_total_fraction(item, expected):
    payload = {"usergrades": [{"userid": 3, "gradeitems": [{"itemtype": "mod", "graderaw": 1, "grademin": 0,
                                                            "grademax": 1}, {"itemtype": "course", **item}]}]}
    assert course_grade_fraction(payload, "3") == expected
    assert course_grade_fraction(payload, "4") is None


def test_poll_slot_is_stable_and_spread():
    slots = {poll_slot("https://moodle.example.eu", str(course), 60) for course in range(200)}
    assert poll_slot("https://m.example", "7", 60) == poll_slot("https://m.example", "7", 60)
    assert len(slots) > 40  # 200 courses do not all land in the same few minutes
    slot = poll_slot("https://m.example", "7", 60)
    due = [minute for minute in range(120)
           if is_due("https://m.example", "7", datetime.fromtimestamp(minute * 60, tz=UTC), 60)]
    assert due == [slot, slot + 60]


def _users(n):
    return [EnrolledUser(id=str(i)) for i in range(1, n + 1)]


def test_plan_skips_done_and_respects_budget():
    plan = plan_poll(_users(10), {"2", "5"}, budget=7, rotation=0)
    assert plan.skipped_done == 2
    assert len(plan.ask) == 3 and plan.deferred == 5
    assert not {"2", "5"} & {u.id for u in plan.ask}


def test_plan_rotation_covers_everyone_over_runs():
    seen = set()
    for run in range(4):
        seen |= {u.id for u in plan_poll(_users(10), set(), budget=6, rotation=run).ask}
    assert seen == {str(i) for i in range(1, 11)}


def test_plan_with_no_budget_asks_nobody():
    assert plan_poll(_users(3), set(), budget=1, rotation=5).ask == ()


def test_webhook_payload_field_errors():
    with pytest.raises(WebhookPayloadError) as caught:
        parse_course_completed({"eventname": "\\core\\event\\user_loggedin", "courseid": "x", "relateduserid": 0,
                                "user": {"id": 9}}, base_url="https://m", site_verifies_emails=False)
    assert set(caught.value.errors) == {"eventname", "courseid", "relateduserid", "timecreated"}

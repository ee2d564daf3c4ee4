"""Pure pieces of the Open edX normalization: course ids from opaque keys, grades, learner identity."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ccx_keys.locator import CCXLocator
from opaque_keys.edx.keys import CourseKey

from mc_lms_bridge.compat import course_id_of_key
from mc_lms_bridge.connectors.base import ConnectorError
from mc_lms_bridge.connectors.openedx.normalize import learner_identity, parse_grade

from . import events


def test_course_id_drops_studio_branch_and_maps_ccx_to_master():
    studio_key = CourseKey.from_string("course-v1:MCB+DL101+2025+branch@draft-branch")
    assert course_id_of_key(studio_key) == "course-v1:MCB+DL101+2025"
    assert course_id_of_key(CCXLocator.from_string("ccx-v1:MCB+DL101+2025+ccx@3")) == "course-v1:MCB+DL101+2025"
    assert course_id_of_key(CourseKey.from_string("MCB/DL101/2025")) == "MCB/DL101/2025"


@pytest.mark.parametrize(("text", "expected"), [
    ("0.8", Decimal("0.800000")), (" 0.1234567 ", Decimal("0.123457")), ("80%", Decimal("0.800000")),
    ("0", Decimal("0.000000")), (None, None), ("  ", None)])
def test_parse_grade(text, expected):
    assert parse_grade(text) == expected


@pytest.mark.parametrize("text", ["-0.1", "100", "abc", "Infinity", "sNaN", "101%"])
def test_parse_grade_refuses(text):
    with pytest.raises(ConnectorError):
        parse_grade(text)


def test_learner_identity_without_personal_data_still_has_the_user_id():
    identity = learner_identity(events.user(7, email="", name=""))
    assert (identity.user_id, identity.email, identity.email_verified, identity.full_name) == ("7", "", False, "")


@pytest.mark.parametrize("user_id", [None, "", True, 1.5])
def test_learner_identity_refuses_a_missing_or_odd_user_id(user_id):
    with pytest.raises(ConnectorError):
        learner_identity(events.user(user_id))

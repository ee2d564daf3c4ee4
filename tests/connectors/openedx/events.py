"""Real openedx-events data objects for the tests (user, course, CCX course, passing status, certificate)."""

from __future__ import annotations

from ccx_keys.locator import CCXLocator
from opaque_keys.edx.keys import CourseKey
from openedx_events.learning.data import (
    CcxCourseData,
    CcxCoursePassingStatusData,
    CertificateData,
    CourseData,
    CoursePassingStatusData,
    UserData,
    UserPersonalData,
)

LMS = "https://lms.example.edu"
COURSE_ID = "course-v1:MCB+DL101+2025"
CCX_ID = "ccx-v1:MCB+DL101+2025+ccx@7"




def user(user_id=42, *, email="ada@example.org", name="Ada Lovelace", is_active=True, username="ada"):
    return UserData(id=user_id, is_active=is_active, pii=UserPersonalData(username=username, email=email, name=name))


def course(course_id=COURSE_ID, display_name="Data Literacy"):
    return CourseData(course_key=CourseKey.from_string(course_id), display_name=display_name)


def ccx_course():
    return CcxCourseData(ccx_course_key=CCXLocator.from_string(CCX_ID),
                         master_course_key=CourseKey.from_string(COURSE_ID), display_name="Data Literacy (CCX)",
                         coach_email="coach@example.org")


def passing(is_passing=True, **user_kwargs):
    return CoursePassingStatusData(is_passing=is_passing, course=course(), user=user(**user_kwargs))


def ccx_passing(is_passing=True):
    return CcxCoursePassingStatusData(is_passing=is_passing, course=ccx_course(), user=user())


def certificate(grade="0.87", status="downloadable", **user_kwargs):
    return CertificateData(user=user(**user_kwargs), course=course(), mode="verified", grade=grade,
                           download_url="", name="Ada Lovelace", current_status=status)

"""Fixtures for the XBlock tests: an LMS, published micro-credentials and course tags.

(No __init__.py here: as a package this folder would be imported as `xblocks` and shadow the real one.)
"""

from __future__ import annotations

import pytest
from xblock_runtime import COURSE_ID, LMS

from mc_lms_bridge.catalogue import lifecycle
from mc_lms_bridge.models import CourseTag

BASE_URL = "https://credentials.example.eu"


@pytest.fixture(autouse=True)
def lms(settings):
    settings.LMS_ROOT_URL = LMS
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "BASE_URL": BASE_URL}
    return LMS


@pytest.fixture
def make_microcredential(org_a, complete_payload):
    """Factory: a micro-credential of org A with the complete payload, published unless told otherwise."""

    def make(slug="data-literacy", *, publish=True, **content_overrides):
        payload = dict(complete_payload)
        payload.pop("slug")
        outcomes = payload.pop("learning_outcomes")
        payload.update(content_overrides)
        version = lifecycle.create_microcredential(organisation=org_a, slug=slug, content=payload,
                                                   outcomes=outcomes)
        if publish:
            lifecycle.submit_for_review(version.microcredential)
            lifecycle.publish(version.microcredential)
        return version.microcredential
    return make


@pytest.fixture
def tag_course():
    def tag(microcredential, course_id=COURSE_ID, platform_instance=LMS):
        return CourseTag.objects.create(microcredential=microcredential, platform="openedx",
                                        platform_instance=platform_instance, course_id=course_id)
    return tag

"""Fixtures of the Moodle connector tests: the local fake Moodle server, sites, and a tagged published course."""

from __future__ import annotations

import pytest

from .fake_moodle import FakeMoodle

COURSE = 7


@pytest.fixture
def fake_moodle():
    fake = FakeMoodle().start()
    yield fake
    fake.stop()


@pytest.fixture
def make_site(db):
    from mc_lms_bridge.models.moodle import MoodleSite

    def make(base_url, token="ws-token-0123456789abcdef", webhook_secret="", **extra):
        site = MoodleSite(name="Test Moodle", base_url=base_url, **extra)
        site.set_token(token)
        site.set_webhook_secret(webhook_secret)
        site.save()
        return site
    return make


@pytest.fixture
def moodle_settings(settings):
    """Override Moodle settings: moodle_settings(MOODLE_POLL_MAX_REQUESTS=5)."""
    def apply(**values):
        settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, **values}
    return apply


@pytest.fixture
def tagged_course(published, fake_moodle, make_site):
    """A published micro-credential tagged on course 7 of the fake Moodle site; returns (tag, site)."""
    from mc_lms_bridge.models import CourseTag

    site = make_site(fake_moodle.url)
    tag = CourseTag.objects.create(microcredential_id=published, platform="moodle", platform_instance=site.base_url,
                                   course_id=str(COURSE), rule="completed")
    return tag, site

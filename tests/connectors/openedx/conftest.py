"""Fixtures for the Open edX connector tests: the LMS base URL and the receivers connected."""

from __future__ import annotations

import pytest

from .events import LMS


@pytest.fixture(autouse=True)
def openedx_lms(settings):
    """An LMS base URL like edx-platform's, and the receivers connected as apps.ready() will do."""
    settings.LMS_ROOT_URL = LMS + "/"
    from mc_lms_bridge import signals

    assert signals.connect_openedx_receivers() is True
    return LMS

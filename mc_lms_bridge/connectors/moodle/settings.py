"""Moodle connector settings, read lazily from MC_LMS_BRIDGE with the defaults below (see docs/moodle.md)."""

from __future__ import annotations

from typing import Any

from ...conf import app_settings

#: Defaults of the Moodle settings (to be listed in conf.DEFAULTS; read from here until then).
MOODLE_DEFAULTS: dict[str, Any] = {
    "MOODLE_HTTP_TIMEOUT": 10.0,  # seconds per web-service call
    "MOODLE_POLL_INTERVAL_MINUTES": 60,  # each tagged course is polled once per interval, in its own minute
    "MOODLE_POLL_MAX_REQUESTS": 100,  # web-service calls per course per poll run
    "MOODLE_ENROLLED_PAGE_SIZE": 1000,  # users per core_enrol_get_enrolled_users page
    "MOODLE_POLL_ONLY_ACTIVE": False,  # ask only active enrolments (needs moodle/course:enrolreview)
    "MOODLE_WEBHOOK_MAX_AGE": 300,  # seconds a signed webhook timestamp may differ from now
    "MOODLE_WEBHOOK_MAX_BYTES": 64 * 1024,  # largest accepted webhook body
}


def moodle_setting(name: str) -> Any:
    """The configured value of a Moodle setting, else its default."""
    try:
        return getattr(app_settings, name)
    except AttributeError:
        return app_settings.user_settings.get(name, MOODLE_DEFAULTS[name])

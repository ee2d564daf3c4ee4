"""Connects the Open edX event receivers (openedx-events) when that optional dependency is installed."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: dispatch_uid of every connection, so importing this module twice never connects a receiver twice.
DISPATCH_UIDS = {
    "COURSE_PASSING_STATUS_UPDATED": "mc_lms_bridge.openedx.course_passing_status_updated",
    "CCX_COURSE_PASSING_STATUS_UPDATED": "mc_lms_bridge.openedx.ccx_course_passing_status_updated",
    "CERTIFICATE_CREATED": "mc_lms_bridge.openedx.certificate_created",
    "CERTIFICATE_REVOKED": "mc_lms_bridge.openedx.certificate_revoked",
}


def connect_openedx_receivers() -> bool:
    """Connect the receivers to the openedx-events signals; False (and an info line) without openedx-events."""
    try:
        from openedx_events.learning import signals as learning
    except ImportError:
        log.info("openedx-events is not installed: Open edX event receivers not connected.")
        return False
    from .connectors.openedx import receivers

    handlers = {
        "COURSE_PASSING_STATUS_UPDATED": receivers.course_passing_status_updated,
        "CCX_COURSE_PASSING_STATUS_UPDATED": receivers.course_passing_status_updated,
        "CERTIFICATE_CREATED": receivers.certificate_created,
        "CERTIFICATE_REVOKED": receivers.certificate_revoked,
    }
    for name, handler in handlers.items():
        getattr(learning, name).connect(handler, dispatch_uid=DISPATCH_UIDS[name])
    return True


connect_openedx_receivers()

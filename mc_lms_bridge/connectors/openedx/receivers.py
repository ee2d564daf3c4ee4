"""Thin openedx-events receivers: normalize the event, hand it to the inbox, never raise."""

from __future__ import annotations

import logging

from ...pipeline.inbox import record_completion
from ..base import CompletionKind, ConnectorError
from . import normalize

log = logging.getLogger(__name__)


def _event_ref(metadata) -> tuple[str, str]:
    """Event type and id for log lines (never personal data)."""
    return str(getattr(metadata, "event_type", "?")), str(getattr(metadata, "id", "?"))


def _record(build, metadata) -> None:
    event_type, event_id = _event_ref(metadata)
    try:
        completion = build()
        if completion is None:
            log.info("Open edX event %s %s ignored: not an achievement.", event_type, event_id)
            return
        _event, created = record_completion(completion)
    except ConnectorError as exc:
        # ConnectorError messages name the faulty field, never its value.
        log.warning("Open edX event %s %s not recorded: %s", event_type, event_id, exc)
        return
    except Exception:  # noqa: BLE001  - the platform must never fail because of this plugin; logged below
        log.exception("Open edX event %s %s not recorded: unexpected error.", event_type, event_id)
        return
    if not created:
        log.info("Open edX event %s %s already recorded (duplicate or replay).", event_type, event_id)


def course_passing_status_updated(sender=None, course_passing_status=None, metadata=None, from_event_bus=False,
                                  **kwargs) -> None:
    """COURSE_PASSING_STATUS_UPDATED and CCX_COURSE_PASSING_STATUS_UPDATED -> passed / failed."""
    _record(lambda: normalize.from_passing_status(course_passing_status, metadata, from_event_bus), metadata)


def certificate_created(sender=None, certificate=None, metadata=None, from_event_bus=False, **kwargs) -> None:
    """CERTIFICATE_CREATED -> certificate_created (with the certificate's grade when it has one)."""
    _record(lambda: normalize.from_certificate(certificate, metadata, CompletionKind.CERTIFICATE_CREATED,
                                               from_event_bus), metadata)


def certificate_revoked(sender=None, certificate=None, metadata=None, from_event_bus=False, **kwargs) -> None:
    """CERTIFICATE_REVOKED -> certificate_revoked."""
    _record(lambda: normalize.from_certificate(certificate, metadata, CompletionKind.CERTIFICATE_REVOKED,
                                               from_event_bus), metadata)

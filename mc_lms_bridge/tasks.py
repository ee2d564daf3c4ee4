"""Celery tasks: thin wrappers that take ids and call one service each; every task is safe to run twice."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import DatabaseError, InterfaceError

logger = logging.getLogger(__name__)

RETRYABLE = (DatabaseError, InterfaceError, ConnectionError, TimeoutError)
COMMON = {"acks_late": True, "reject_on_worker_lost": True, "autoretry_for": RETRYABLE, "retry_backoff": 2,
          "retry_backoff_max": 300, "retry_jitter": True, "max_retries": 8}


@shared_task(name="mc_lms_bridge.process_completion_event", **COMMON)
def process_completion_event(event_id: str) -> str:
    """Apply the course-tag rules to one inbox event."""
    from .pipeline.processing import process_event

    return process_event(event_id).state


@shared_task(name="mc_lms_bridge.process_completion_events", **COMMON)
def process_completion_events(event_ids: list[str]) -> list[str]:
    """Apply the course-tag rules to several inbox events (a batch); each is its own transaction.

    Transient errors retry the whole chunk (done events are skipped); an event failing otherwise is logged and left
    to reconciliation, so it cannot hold up the rest of the batch.
    """
    from .pipeline.processing import process_event

    states = []
    for event_id in event_ids:
        try:
            states.append(process_event(event_id).state)
        except RETRYABLE:
            raise
        except Exception:  # noqa: BLE001 - one bad event must not stop the others
            logger.exception("Completion event %s failed; reconciliation will retry it.", event_id)
            states.append("failed")
    return states


@shared_task(name="mc_lms_bridge.issue_award", **COMMON)
def issue_award(award_id: str) -> int:
    """Build, sign and store an award's credentials (missing formats only)."""
    from .issuance.service import issue

    return len(issue(award_id))


@shared_task(name="mc_lms_bridge.send_delivery", **{**COMMON, "autoretry_for": (*RETRYABLE, Exception)})
def send_delivery(delivery_id: int) -> str:
    """Send one outbox row."""
    from .delivery.service import send_delivery as send

    return send(delivery_id).state


@shared_task(name="mc_lms_bridge.reconcile", acks_late=True)
def reconcile() -> dict:
    """Re-queue anything stuck: unprocessed events, awards without credentials, unsent deliveries."""
    from .pipeline.reconciliation import requeue_stuck

    return requeue_stuck()


@shared_task(name="mc_lms_bridge.poll_moodle_course", **COMMON)
def poll_moodle_course(course_tag_id: int) -> dict:
    """Ask Moodle about the not-yet-awarded learners of one tagged course."""
    from dataclasses import asdict

    from .connectors.moodle.poller import poll_moodle_course as poll

    return asdict(poll(course_tag_id))


@shared_task(name="mc_lms_bridge.poll_due_moodle_courses", acks_late=True)
def poll_due_moodle_courses() -> int:
    """Poll the Moodle courses whose minute slot is due (spreads load over the interval); returns how many."""
    from .connectors.moodle.poller import poll_due_moodle_courses as poll_due

    return len(poll_due())

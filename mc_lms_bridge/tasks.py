"""Celery tasks: thin wrappers that take ids and call one service each; every task is safe to run twice."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import DatabaseError, InterfaceError, OperationalError

logger = logging.getLogger(__name__)

RETRYABLE = (DatabaseError, InterfaceError, ConnectionError, TimeoutError)
TRANSIENT = (OperationalError, InterfaceError, ConnectionError, TimeoutError)  # worth retrying within a batch
COMMON = {"acks_late": True, "reject_on_worker_lost": True, "autoretry_for": RETRYABLE, "retry_backoff": 2,
          "retry_backoff_max": 300, "retry_jitter": True, "max_retries": 8}


@shared_task(name="mc_lms_bridge.process_completion_event", **COMMON)
def process_completion_event(event_id: str) -> str:
    """Apply the course-tag rules to one inbox event (a failure that retrying cannot fix is counted on it)."""
    from .pipeline.processing import process_event, record_failure

    try:
        return process_event(event_id).state
    except TRANSIENT:
        raise
    except Exception as exc:
        record_failure(event_id, exc)
        raise


@shared_task(name="mc_lms_bridge.process_completion_events", bind=True, acks_late=True, reject_on_worker_lost=True,
             max_retries=8)
def process_completion_events(self, event_ids: list[str]) -> list[str]:
    """Apply the course-tag rules to several inbox events (a batch); each is its own transaction.

    Events that hit a transient error (database or broker connection) are retried together, with backoff, once
    the others are done; an event failing otherwise is logged, counted on the event and left to reconciliation.
    Either way one event never holds up the rest of its chunk.
    """
    from .pipeline.processing import process_event, record_failure

    states, transient = [], []
    for event_id in event_ids:
        try:
            states.append(process_event(event_id).state)
        except TRANSIENT as exc:
            logger.warning("Completion event %s hit a transient error (%s); retrying it.", event_id, exc)
            transient.append(event_id)
        except Exception as exc:  # noqa: BLE001 - one bad event must not stop the others
            logger.exception("Completion event %s failed; reconciliation will retry it.", event_id)
            record_failure(event_id, exc)
    if transient:
        raise self.retry(args=[transient], countdown=min(300, 2 ** (self.request.retries + 1)))
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

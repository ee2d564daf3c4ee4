"""process_event: apply course-tag rules to one inbox event -> award (queued for issuance) or reversal, once."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .. import audit
from ..awards.service import grant_award
from ..models import (
    Award,
    CompletionEvent,
    CourseTag,
    CredentialState,
    EventState,
    IssuedCredential,
    ReversalPolicy,
)
from ..pathways import hooks as pathway_hooks
from ..status.service import StatusChangeRefused, change_status
from .completion_rule import AWARD, REVERSE, decide
from .learners import resolve_learner
from .queueing import safe_delay

logger = logging.getLogger(__name__)
DONE_STATES = (EventState.AWARDED, EventState.IGNORED, EventState.REVERSED)
PIPELINE_ACTOR = audit.Actor(label="pipeline")


def process_event(event_id) -> CompletionEvent:
    """Decide what the event means for every micro-credential its course is tagged with; safe to run twice."""
    with transaction.atomic():
        event = CompletionEvent.objects.select_for_update().get(pk=event_id)
        if event.state in DONE_STATES:
            return event
        event.attempts += 1
        tags = list(CourseTag.objects.select_related("microcredential__organisation").filter(
            platform=event.platform, platform_instance=event.platform_instance, course_id=event.course_id,
            active=True))
        if not tags:
            return _finish(event, EventState.IGNORED, {"reason": "The course is not tagged with a micro-credential."})
        event.learner = resolve_learner(event)
        results = [_apply_tag(event, tag) for tag in tags]
        state = (EventState.AWARDED if any(r.get("award") for r in results)
                 else EventState.REVERSED if any(r.get("reversed") for r in results) else EventState.IGNORED)
        return _finish(event, state, {"tags": results})


def record_failure(event_id, error: BaseException) -> None:
    """Count a failed processing attempt on the event (its own transaction; the attempt itself rolled back).

    The event becomes ``failed``; reconciliation retries it on its backoff schedule until MAX_EVENT_ATTEMPTS.
    Only the error's type is stored: its message may quote data that the API must not show.
    """
    CompletionEvent.objects.filter(pk=event_id, state__in=[EventState.RECEIVED, EventState.FAILED]).update(
        state=EventState.FAILED, attempts=F("attempts") + 1,
        outcome={"error": f"Processing failed ({type(error).__name__}); it is retried, see the worker log."})


def issue_now_or_queue(award_id: str) -> None:
    """Issue a new award's credentials right here, after the award committed (one task per award instead of two).

    Any failure leaves the work to the retried ``issue_award`` task; issuance is idempotent, and an award left
    without credentials (say the worker died here) is re-queued by reconciliation.
    """
    from ..issuance.service import issue

    try:
        issue(award_id)
    except Exception as exc:  # noqa: BLE001 - whatever went wrong, the queued task retries with backoff
        logger.warning("Issuing award %s in the processing task failed (%s); queueing it.", award_id,
                       type(exc).__name__)
        safe_delay("issue_award", award_id)


def _finish(event: CompletionEvent, state: str, outcome: dict) -> CompletionEvent:
    event.state, event.outcome, event.processed_at = state, outcome, timezone.now()
    event.save(update_fields=["state", "outcome", "processed_at", "attempts", "learner", "award"])
    return event


def _apply_tag(event: CompletionEvent, tag: CourseTag) -> dict:
    microcredential = tag.microcredential
    result = {"microcredential": str(microcredential.pk), "course_tag": tag.pk}
    decision = decide(rule=tag.rule, min_grade=tag.min_grade, kind=event.kind, grade=event.grade)
    result.update(action=decision.action, reason=decision.reason, values=decision.values)
    if decision.action == AWARD:
        version = microcredential.published_version()
        if version is None:
            result.update(action="ignore", reason="The micro-credential has no published version to award.")
            return result
        award, created = grant_award(
            learner=event.learner, version=version, grade=_grade_text(event), reason={
                "source_event": str(event.pk), "platform": event.platform, "course_id": event.course_id,
                "rule": tag.rule, "decision": decision.reason, "values": decision.values},
            evidence=[{"id": f"urn:uuid:{event.pk}", "name": "Course completion", "narrative": decision.reason,
                       "source_platform": event.platform, "course_id": event.course_id}])
        event.award = award
        result.update(award=str(award.pk), created=created, version=version.version)
        if created:
            transaction.on_commit(lambda: issue_now_or_queue(str(award.pk)))
    elif decision.action == REVERSE:
        result.update(_reverse(event, microcredential))
    return result


def _grade_text(event: CompletionEvent) -> str:
    return f"{(event.grade * 100).quantize(1)} %" if event.grade is not None else ""


def _reverse(event: CompletionEvent, microcredential) -> dict:
    policy = microcredential.reversal_policy
    awards = Award.objects.filter(learner=event.learner, version__microcredential=microcredential,
                                  revoked_at__isnull=True)
    if policy == ReversalPolicy.IGNORE or not awards.exists():
        return {"reversed": False, "policy": policy,
                "note": "No live award to reverse." if not awards.exists() else "Policy: ignore."}
    action = "revoke" if policy == ReversalPolicy.REVOKE else "suspend"
    changed = []
    for award in awards:
        credential = IssuedCredential.objects.filter(award=award).exclude(status_list=None).first()
        if credential is None or credential.state == CredentialState.REVOKED:
            continue
        if action == "suspend" and credential.state == CredentialState.SUSPENDED:
            continue
        try:
            change_status(credential, action, actor=PIPELINE_ACTOR, reason=f"LMS event {event.pk}: {event.kind}")
            changed.append(str(award.pk))
        except StatusChangeRefused as exc:
            return {"reversed": False, "policy": policy, "note": str(exc)}
    if action == "revoke":
        revoked_ids = list(awards.values_list("pk", flat=True))
        awards.update(revoked_at=timezone.now())
        for award_id in revoked_ids:
            transaction.on_commit(lambda pk=award_id: pathway_hooks.on_award_revoked(pk))
    return {"reversed": bool(changed), "policy": policy, "awards": changed}

"""record_completion: store a normalized completion once (duplicates are no-ops) and queue its processing."""

from __future__ import annotations

import json

from django.db import IntegrityError, transaction

from ..connectors.base import CompletionKind, ConnectorError, NormalizedCompletion
from ..models import CompletionEvent
from .queueing import safe_delay


def _jsonable(raw: dict) -> dict:
    try:
        return json.loads(json.dumps(raw, default=str))
    except (TypeError, ValueError):
        return {"unserialisable": repr(raw)[:2000]}


def validate(completion: NormalizedCompletion) -> None:
    if completion.kind not in CompletionKind.ALL:
        raise ConnectorError(f"Unknown completion kind {completion.kind!r}.")
    if not completion.source_event_id or not completion.course_id or not completion.learner.user_id:
        raise ConnectorError("A completion needs a source event id, a course id and a user id.")
    if completion.grade is not None and not (0 <= completion.grade <= 1):
        raise ConnectorError(f"Grade {completion.grade} is not a fraction between 0 and 1.")
    if completion.occurred_at.tzinfo is None:
        raise ConnectorError("occurred_at must be timezone-aware.")


def record_completion(completion: NormalizedCompletion) -> tuple[CompletionEvent, bool]:
    """Insert the event into the inbox; return (event, created). Processing is queued after commit."""
    validate(completion)
    key = {"platform": completion.platform, "platform_instance": completion.platform_instance,
           "source_event_id": completion.source_event_id}
    existing = CompletionEvent.objects.filter(**key).first()
    if existing is not None:
        return existing, False
    learner = completion.learner
    try:
        with transaction.atomic():
            event = CompletionEvent.objects.create(
                **key, course_id=completion.course_id, user_id=learner.user_id, kind=completion.kind,
                grade=completion.grade, occurred_at=completion.occurred_at, raw=_jsonable(completion.raw),
                learner_data={"email": learner.email, "email_verified": learner.email_verified,
                              "given_name": learner.given_name, "family_name": learner.family_name,
                              "full_name": learner.full_name})
            transaction.on_commit(lambda: safe_delay("process_completion_event", str(event.pk)))
    except IntegrityError:
        return CompletionEvent.objects.get(**key), False
    return event, True

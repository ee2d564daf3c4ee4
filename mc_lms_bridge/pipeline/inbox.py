"""record_completion(s): store normalized completions once (duplicates are no-ops) and queue their processing."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import IntegrityError, transaction

from ..connectors.base import CompletionKind, ConnectorError, NormalizedCompletion
from ..models import CompletionEvent
from .queueing import safe_delay

#: Events of one batch are processed by tasks of this many events each (one broker message per chunk).
PROCESSING_CHUNK = 25


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
    try:  # new events are the common case: insert first, and let the unique constraint catch a replay
        with transaction.atomic():
            event = CompletionEvent.objects.create(**_event_fields(completion))
            transaction.on_commit(lambda: safe_delay("process_completion_event", str(event.pk)))
    except IntegrityError:
        return CompletionEvent.objects.get(**key), False
    return event, True


def _event_fields(completion: NormalizedCompletion) -> dict:
    learner = completion.learner
    return {"platform": completion.platform, "platform_instance": completion.platform_instance,
            "source_event_id": completion.source_event_id, "course_id": completion.course_id,
            "user_id": learner.user_id, "kind": completion.kind, "grade": completion.grade,
            "occurred_at": completion.occurred_at, "raw": _jsonable(completion.raw),
            "learner_data": {"email": learner.email, "email_verified": learner.email_verified,
                             "given_name": learner.given_name, "family_name": learner.family_name,
                             "full_name": learner.full_name}}


def record_completions(completions: Sequence[NormalizedCompletion]) -> list[tuple[CompletionEvent, bool]]:
    """Insert many events of one platform instance in one statement; (event, created) per completion, in order.

    Source event ids must be distinct. Events already in the inbox (earlier or concurrently) are returned as they
    are; new ones are processed by tasks of PROCESSING_CHUNK events, queued after commit.
    """
    for completion in completions:
        validate(completion)
    if not completions:
        return []
    sources = {(c.platform, c.platform_instance) for c in completions}
    if len(sources) != 1:
        raise ConnectorError("A batch holds the completions of one platform instance.")
    ((platform, instance),) = sources
    ids = [c.source_event_id for c in completions]
    if len(set(ids)) != len(ids):
        raise ConnectorError("Each completion of a batch needs its own source event id.")
    with transaction.atomic():
        proposed = [CompletionEvent(**_event_fields(c)) for c in completions]
        # inserted in key order, so two overlapping batches lock their keys in the same order (no deadlock)
        CompletionEvent.objects.bulk_create(sorted(proposed, key=lambda event: event.source_event_id),
                                            ignore_conflicts=True)
        stored = {event.source_event_id: event for event in CompletionEvent.objects.filter(
            platform=platform, platform_instance=instance, source_event_id__in=ids)}
        results = [(stored[c.source_event_id], stored[c.source_event_id].pk == p.pk)
                   for c, p in zip(completions, proposed, strict=True)]
        new_ids = [str(event.pk) for event, created in results if created]
        for start in range(0, len(new_ids), PROCESSING_CHUNK):
            chunk = new_ids[start:start + PROCESSING_CHUNK]
            transaction.on_commit(lambda chunk=chunk: safe_delay("process_completion_events", chunk))
    return results

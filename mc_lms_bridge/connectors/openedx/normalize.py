"""Pure translation of openedx-events data classes and metadata into NormalizedCompletion values."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

import attr

from ...compat import course_id_of_key
from ..base import CompletionKind, ConnectorError, LearnerIdentity, NormalizedCompletion
from .instance import PLATFORM, platform_instance

MAX_COURSE_ID = 255  # CompletionEvent.course_id
GRADE_PLACES = Decimal("0.000001")  # CompletionEvent.grade has six decimal places

#: Certificate statuses that are not an achievement; edx-platform does not normally send CERTIFICATE_CREATED
#: for them, but if a producer does, the event is ignored rather than treated as a positive completion.
NON_AWARDING_CERTIFICATE_STATUSES = frozenset(
    {"notpassing", "audit_notpassing", "unavailable", "error", "deleted", "unverified"})


def _serialise(_inst, _field, value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if value is None or attr.has(type(value)) or isinstance(value, str | int | float | bool | list | tuple | dict):
        return value
    return str(value)  # opaque keys (CourseKey, CCXLocator) and anything else


def raw_payload(data_name: str, data: Any, metadata: Any, from_event_bus: bool) -> dict:
    """The event as received (data and metadata), JSON-ready, for the audit trail."""
    body = (attr.asdict(data, value_serializer=_serialise) if attr.has(type(data)) else repr(data)[:2000])
    meta = (attr.asdict(metadata, value_serializer=_serialise) if attr.has(type(metadata)) else None)
    return {"metadata": meta, "from_event_bus": bool(from_event_bus), data_name: body}


def source_event_id(metadata: Any) -> str:
    """The event's metadata id (a UUID per event, carried unchanged by event-bus redeliveries and replays)."""
    event_id = getattr(metadata, "id", None)
    if not isinstance(event_id, UUID):
        raise ConnectorError("The event has no metadata id (UUID).")
    return str(event_id)


def occurred_at(metadata: Any) -> datetime:
    value = getattr(metadata, "time", None)
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ConnectorError("The event metadata has no timezone-aware time.")
    return value


def learner_identity(user: Any) -> LearnerIdentity:
    """LearnerIdentity from openedx-events UserData.

    Open edX activates an account only after its owner followed the link mailed to the address, so the
    e-mail of an active user counts as verified; an inactive user's e-mail does not.
    """
    user_id = getattr(user, "id", None)
    if isinstance(user_id, bool) or not isinstance(user_id, int | str) or str(user_id).strip() == "":
        raise ConnectorError("The event has no user id.")
    pii = getattr(user, "pii", None)
    email = getattr(pii, "email", "") or ""
    name = getattr(pii, "name", "") or ""
    if not isinstance(email, str) or not isinstance(name, str):
        raise ConnectorError("The event's user personal data is not text.")
    is_active = getattr(user, "is_active", False) is True
    return LearnerIdentity(user_id=str(user_id).strip(), email=email.strip(),
                           email_verified=bool(is_active and email.strip()), full_name=name.strip())


def course_id(course: Any) -> str:
    """Course id of CourseData, or of the master course for CcxCourseData (tags live on the master course)."""
    key = getattr(course, "master_course_key", None) or getattr(course, "course_key", None)
    if key is None:
        raise ConnectorError("The event has no course key.")
    value = course_id_of_key(key)
    if not value.strip() or len(value) > MAX_COURSE_ID:
        raise ConnectorError(f"The event's course key is empty or longer than {MAX_COURSE_ID} characters.")
    return value


def parse_grade(value: Any) -> Decimal | None:
    """A certificate grade as a fraction: "0.87" or "87%"; None when absent. Raises on anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    percent = text.endswith("%")
    try:
        grade = Decimal(text.rstrip("%").strip())
    except InvalidOperation:
        raise ConnectorError("The certificate grade is not a number.")
    if not grade.is_finite():
        raise ConnectorError("The certificate grade is not a finite number.")
    if percent:
        grade = grade / 100
    if not 0 <= grade <= 1:
        raise ConnectorError("The certificate grade is not a fraction between 0 and 1.")
    return grade.quantize(GRADE_PLACES)


def _completion(*, metadata, course, user, kind, grade, raw) -> NormalizedCompletion:
    return NormalizedCompletion(
        platform=PLATFORM, platform_instance=platform_instance(), source_event_id=source_event_id(metadata),
        course_id=course_id(course), kind=kind, learner=learner_identity(user), occurred_at=occurred_at(metadata),
        grade=grade, raw=raw)


def from_passing_status(data: Any, metadata: Any, from_event_bus: bool = False) -> NormalizedCompletion:
    """CoursePassingStatusData / CcxCoursePassingStatusData -> passed or failed."""
    is_passing = getattr(data, "is_passing", None)
    if not isinstance(is_passing, bool):
        raise ConnectorError("The passing status event has no boolean is_passing.")
    return _completion(
        metadata=metadata, course=getattr(data, "course", None), user=getattr(data, "user", None),
        kind=CompletionKind.PASSED if is_passing else CompletionKind.FAILED, grade=None,
        raw=raw_payload("course_passing_status", data, metadata, from_event_bus))


def from_certificate(data: Any, metadata: Any, kind: str, from_event_bus: bool = False,
                     ) -> NormalizedCompletion | None:
    """CertificateData -> certificate_created / certificate_revoked; None for a non-awarding created status."""
    status = getattr(data, "current_status", "") or ""
    if kind == CompletionKind.CERTIFICATE_CREATED and str(status).lower() in NON_AWARDING_CERTIFICATE_STATUSES:
        return None
    grade = parse_grade(getattr(data, "grade", None)) if kind == CompletionKind.CERTIFICATE_CREATED else None
    return _completion(
        metadata=metadata, course=getattr(data, "course", None), user=getattr(data, "user", None), kind=kind,
        grade=grade, raw=raw_payload("certificate", data, metadata, from_event_bus))

"""The connector contract: every LMS connector produces NormalizedCompletion values and hands them to the inbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any


class CompletionKind:
    """What the LMS said happened (a passing/failing verdict, a completion flag, a certificate event)."""

    PASSED = "passed"
    FAILED = "failed"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"
    CERTIFICATE_CREATED = "certificate_created"
    CERTIFICATE_REVOKED = "certificate_revoked"
    ALL = (PASSED, FAILED, COMPLETED, NOT_COMPLETED, CERTIFICATE_CREATED, CERTIFICATE_REVOKED)
    POSITIVE = (PASSED, COMPLETED, CERTIFICATE_CREATED)
    NEGATIVE = (FAILED, NOT_COMPLETED, CERTIFICATE_REVOKED)


@dataclass(frozen=True)
class LearnerIdentity:
    """What the platform tells about the person; email_verified only when the platform vouches for it."""

    user_id: str
    email: str = ""
    email_verified: bool = False
    given_name: str = ""
    family_name: str = ""
    full_name: str = ""


@dataclass(frozen=True)
class NormalizedCompletion:
    """One LMS event about one learner in one course, in platform-neutral form.

    ``source_event_id`` must be stable for the same real-world event (replays and duplicates carry the same id):
    the inbox is unique per (platform, platform_instance, source_event_id).
    """

    platform: str  # openedx | moodle | lti | api
    platform_instance: str  # LMS base URL, LTI issuer, or API client name
    source_event_id: str
    course_id: str
    kind: str  # one of CompletionKind.ALL
    learner: LearnerIdentity
    occurred_at: datetime
    grade: Decimal | None = None  # fraction 0..1 when known
    raw: dict[str, Any] = field(default_factory=dict)  # original payload, kept for audit (JSON-serialisable)


class ConnectorError(ValueError):
    """Raw LMS data that cannot be turned into a completion; the message says what was wrong."""

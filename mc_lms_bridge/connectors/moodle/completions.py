"""Pure builders of NormalizedCompletion values from polled Moodle data."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from decimal import Decimal

from ..base import CompletionKind, LearnerIdentity, NormalizedCompletion
from .parsing import CompletionStatus, EnrolledUser

PLATFORM = "moodle"


def learner_identity(user: EnrolledUser, *, site_verifies_emails: bool) -> LearnerIdentity:
    """The learner as Moodle describes them; the e-mail counts as verified only if the site verifies e-mails."""
    return LearnerIdentity(user_id=user.id, email=user.email, email_verified=bool(site_verifies_emails and user.email),
                           given_name=user.firstname, family_name=user.lastname, full_name=user.fullname)


def poll_source_event_id(course_id: str, user_id: str, timecompleted: int | None) -> str:
    """Stable id of a polled completion: the same completion polled twice gets the same id."""
    return f"poll:{course_id}:{user_id}:{timecompleted if timecompleted else 'unknown'}"


def polled_completion(*, base_url: str, course_id: str, user: EnrolledUser, status: CompletionStatus,
                      grade: Decimal | None, site_verifies_emails: bool, now: datetime) -> NormalizedCompletion:
    """A "completed" completion for a user whose completion status says completed."""
    if not status.completed:
        raise ValueError("Only a completed status becomes a completion.")
    occurred = datetime.fromtimestamp(status.timecompleted, tz=UTC) if status.timecompleted else now
    return NormalizedCompletion(
        platform=PLATFORM, platform_instance=base_url,
        source_event_id=poll_source_event_id(course_id, user.id, status.timecompleted),
        course_id=course_id, kind=CompletionKind.COMPLETED,
        learner=learner_identity(user, site_verifies_emails=site_verifies_emails),
        occurred_at=occurred, grade=grade,
        raw={"source": "poll", "completionstatus": {"completed": status.completed,
                                                     "aggregation": status.aggregation,
                                                     "completions": list(status.criteria)},
             "user": {k: v for k, v in asdict(user).items() if k != "email"},
             "grade": str(grade) if grade is not None else None})

"""Poll a tagged Moodle course for completions of learners not yet awarded, within a request cap."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from ...models import Award, CompletionEvent, CourseTag, EventState, LearnerAccount
from ...models.moodle import MoodleSite
from ...pipeline.inbox import record_completion
from ..base import CompletionKind, ConnectorError
from .client import MoodleClient
from .completions import PLATFORM, polled_completion
from .errors import (
    MoodleAccessDenied,
    MoodleError,
    MoodleInvalidToken,
    MoodleNoCriteria,
    MoodleTransportError,
    MoodleUserNotEnrolled,
)
from .parsing import EnrolledUser
from .planning import is_due, plan_poll, run_index
from .settings import moodle_setting

logger = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What one poll run of one course tag did (returned to the task, logged)."""

    course_tag_id: int
    requests: int = 0
    listed: int = 0
    skipped_done: int = 0
    deferred: int = 0
    asked: int = 0
    completed: int = 0
    recorded: int = 0
    listing_truncated: bool = False
    stopped: str = ""
    errors: list[str] = field(default_factory=list)


def _done_user_ids(tag: CourseTag, version, user_ids: list[str]) -> set[str]:
    """Users with a live award for the version, or a positive completion of the course waiting in the inbox."""
    accounts = dict(LearnerAccount.objects.filter(
        platform=PLATFORM, platform_instance=tag.platform_instance, user_id__in=user_ids,
    ).values_list("learner_id", "user_id"))
    awarded = set(Award.objects.filter(version=version, revoked_at__isnull=True, learner_id__in=list(accounts))
                  .values_list("learner_id", flat=True))
    pending = set(CompletionEvent.objects.filter(
        platform=PLATFORM, platform_instance=tag.platform_instance, course_id=tag.course_id,
        state=EventState.RECEIVED, kind__in=CompletionKind.POSITIVE, user_id__in=user_ids,
    ).values_list("user_id", flat=True))
    return {accounts[learner_id] for learner_id in awarded} | pending


def _list_enrolled(client: MoodleClient, tag: CourseTag, report: PollReport, max_pages: int) -> list[EnrolledUser]:
    page_size = int(moodle_setting("MOODLE_ENROLLED_PAGE_SIZE"))
    only_active = bool(moodle_setting("MOODLE_POLL_ONLY_ACTIVE"))
    users: list[EnrolledUser] = []
    for page in range(max_pages):
        batch = client.enrolled_users_page(tag.course_id, limit_from=page * page_size, limit_number=page_size,
                                           only_active=only_active)
        users.extend(batch)
        if len(batch) < page_size:
            return users
    report.listing_truncated = True
    return users


def _ask(client: MoodleClient, site: MoodleSite, tag: CourseTag, user: EnrolledUser, report: PollReport,
         now: datetime) -> None:
    """Ask one learner's completion (and grade when completed); record a completion once."""
    status = client.course_completion_status(tag.course_id, user.id)
    report.asked += 1
    if not status.completed:
        return
    report.completed += 1
    try:
        grade = client.user_grade(tag.course_id, user.id)
    except MoodleAccessDenied as exc:
        report.errors.append(f"user {user.id}: grade not readable ({exc.errorcode}); recorded without grade")
        grade = None
    completion = polled_completion(base_url=site.base_url, course_id=tag.course_id, user=user, status=status,
                                   grade=grade, site_verifies_emails=site.verifies_emails, now=now)
    _, created = record_completion(completion)
    report.recorded += int(created)


def poll_moodle_course(course_tag_id: int, *, now: datetime | None = None) -> PollReport:
    """Poll one Moodle course tag now; never raises for Moodle failures (they are in the report)."""
    now = now or timezone.now()
    report = PollReport(course_tag_id=course_tag_id)
    tag = CourseTag.objects.select_related("microcredential").filter(pk=course_tag_id, platform=PLATFORM).first()
    if tag is None or not tag.active:
        report.stopped = "no active Moodle course tag with this id"
        return report
    version = tag.microcredential.published_version()
    if version is None:
        report.stopped = "the micro-credential has no published version"
        return report
    site = MoodleSite.objects.filter(base_url=tag.platform_instance.rstrip("/"), active=True).first()
    if site is None:
        report.stopped = f"no active MoodleSite for {tag.platform_instance}"
        return report
    budget = int(moodle_setting("MOODLE_POLL_MAX_REQUESTS"))
    client = site.client()
    try:
        enrolled = _list_enrolled(client, tag, report, max_pages=max(1, budget // 2))
        report.listed = len(enrolled)
        done = _done_user_ids(tag, version, [u.id for u in enrolled])
        plan = plan_poll(enrolled, done, budget=budget - client.requests_made,
                         rotation=run_index(now, int(moodle_setting("MOODLE_POLL_INTERVAL_MINUTES"))))
        report.skipped_done, report.deferred = plan.skipped_done, plan.deferred
        for user in plan.ask:
            try:
                _ask(client, site, tag, user, report, now)
            except MoodleUserNotEnrolled:
                continue
            except (MoodleNoCriteria, MoodleInvalidToken, MoodleAccessDenied, MoodleTransportError):
                raise
            except (MoodleError, ConnectorError) as exc:
                report.errors.append(f"user {user.id}: {exc}")
    except (MoodleError, ValueError) as exc:
        report.stopped = str(exc)
    report.requests = client.requests_made
    logger.info("Moodle poll of course tag %s: %s", course_tag_id, report)
    return report


def poll_due_moodle_courses(*, now: datetime | None = None) -> list[PollReport]:
    """Poll every active Moodle course tag whose minute slot is now (run this every minute from beat)."""
    now = now or timezone.now()
    interval = int(moodle_setting("MOODLE_POLL_INTERVAL_MINUTES"))
    tags = CourseTag.objects.filter(platform=PLATFORM, active=True).values_list("pk", "platform_instance",
                                                                                "course_id")
    return [poll_moodle_course(pk, now=now) for pk, instance, course in tags
            if is_due(instance, course, now, interval)]

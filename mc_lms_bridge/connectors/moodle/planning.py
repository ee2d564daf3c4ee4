"""Pure poll planning: a deterministic minute slot per course, and which learners to ask within a request cap."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from .parsing import EnrolledUser

#: Web-service calls one learner may need: completion status, then the grade when completed.
REQUESTS_PER_LEARNER = 2


def poll_slot(platform_instance: str, course_id: str, interval_minutes: int) -> int:
    """The minute (0..interval-1) in which this course is polled; spread by hash, stable across processes."""
    if interval_minutes < 1:
        raise ValueError("The poll interval must be at least one minute.")
    digest = hashlib.sha256(f"{platform_instance}|{course_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % interval_minutes


def minute_index(now: datetime) -> int:
    """Whole minutes since the Unix epoch."""
    return int(now.timestamp()) // 60


def is_due(platform_instance: str, course_id: str, now: datetime, interval_minutes: int) -> bool:
    """Whether the course's slot is the current minute of the interval."""
    return minute_index(now) % interval_minutes == poll_slot(platform_instance, course_id, interval_minutes)


def run_index(now: datetime, interval_minutes: int) -> int:
    """The number of the current poll interval (changes once per interval)."""
    return minute_index(now) // interval_minutes


@dataclass(frozen=True)
class PollPlan:
    """Learners to ask in this run, in order, and what was left out and why."""

    ask: tuple[EnrolledUser, ...]
    skipped_done: int  # already awarded for the current version, or a completion already waiting in the inbox
    deferred: int  # candidates beyond this run's request budget (asked in a later run)


def plan_poll(enrolled: Sequence[EnrolledUser], done_user_ids: Collection[str], *, budget: int,
              rotation: int) -> PollPlan:
    """Choose who to ask: never the done users; at most budget // 2 others, starting at a rotating offset.

    The rotation (e.g. the run index) moves the starting point by one run's worth of learners each run, so a
    course larger than the cap is covered over successive runs instead of always asking the same learners.
    """
    candidates = sorted((u for u in enrolled if u.id not in done_user_ids), key=_user_order)
    skipped = len(enrolled) - len(candidates)
    capacity = max(budget, 0) // REQUESTS_PER_LEARNER
    if len(candidates) <= capacity:
        return PollPlan(ask=tuple(candidates), skipped_done=skipped, deferred=0)
    start = (rotation * capacity) % len(candidates) if capacity else 0
    rotated = candidates[start:] + candidates[:start]
    return PollPlan(ask=tuple(rotated[:capacity]), skipped_done=skipped, deferred=len(candidates) - capacity)


def _user_order(user: EnrolledUser) -> tuple[int, str]:
    return (int(user.id), user.id) if user.id.isdigit() else (0, user.id)

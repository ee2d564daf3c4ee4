"""Pure parsers of Moodle web-service answers (completion status, enrolled users, grade items) into values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import MoodleBadResponse

AGGREGATION_ALL = 1
AGGREGATION_ANY = 2
GRADE_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class CompletionStatus:
    """core_completion_get_course_completion_status for one user: the flag and when it became true."""

    completed: bool
    aggregation: int
    timecompleted: int | None  # derived from the criteria (Moodle does not return the course's own time)
    criteria: tuple[dict, ...]
    warnings: tuple[dict, ...] = ()


@dataclass(frozen=True)
class EnrolledUser:
    """One entry of core_enrol_get_enrolled_users (only the fields the bridge uses)."""

    id: str
    username: str = ""
    firstname: str = ""
    lastname: str = ""
    fullname: str = ""
    email: str = ""


def _require(condition: bool, wsfunction: str, what: str) -> None:
    if not condition:
        raise MoodleBadResponse(f"Moodle's answer to {wsfunction} is not of the documented shape: {what}.")


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def completion_time(completed: bool, aggregation: int, criteria: list[dict]) -> int | None:
    """When the course became complete: last criterion time if all were needed, first if any sufficed.

    Moodle's answer carries no course-level completion time, only per-criterion ``timecompleted``; this
    derivation is stable across polls once the course is complete (see docs/moodle.md).
    """
    if not completed:
        return None
    times = [t for t in (_int_or_none(c.get("timecompleted")) for c in criteria if c.get("complete")) if t]
    if not times:
        return None
    return min(times) if aggregation == AGGREGATION_ANY else max(times)


def parse_completion_status(payload: Any) -> CompletionStatus:
    """Parse {"completionstatus": {"completed", "aggregation", "completions": [...]}, "warnings": [...]}."""
    fn = "core_completion_get_course_completion_status"
    _require(isinstance(payload, dict) and isinstance(payload.get("completionstatus"), dict), fn,
             "no completionstatus object")
    status = payload["completionstatus"]
    completed = status.get("completed")
    _require(isinstance(completed, bool | int), fn, "completionstatus.completed is not a boolean")
    criteria = status.get("completions", [])
    _require(isinstance(criteria, list) and all(isinstance(c, dict) for c in criteria), fn,
             "completionstatus.completions is not a list of objects")
    aggregation = _int_or_none(status.get("aggregation")) or AGGREGATION_ALL
    warnings = payload.get("warnings") or []
    return CompletionStatus(
        completed=bool(completed), aggregation=aggregation,
        timecompleted=completion_time(bool(completed), aggregation, criteria),
        criteria=tuple(criteria), warnings=tuple(w for w in warnings if isinstance(w, dict)))


def parse_enrolled_users(payload: Any) -> list[EnrolledUser]:
    """Parse the top-level JSON list of users answered by core_enrol_get_enrolled_users."""
    fn = "core_enrol_get_enrolled_users"
    _require(isinstance(payload, list), fn, "the answer is not a list of users")
    users = []
    for entry in payload:
        _require(isinstance(entry, dict) and _int_or_none(entry.get("id")) is not None, fn,
                 "a user has no integer id")
        users.append(EnrolledUser(
            id=str(entry["id"]), username=str(entry.get("username") or ""),
            firstname=str(entry.get("firstname") or ""), lastname=str(entry.get("lastname") or ""),
            fullname=str(entry.get("fullname") or ""), email=str(entry.get("email") or "")))
    return users


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def course_grade_fraction(payload: Any, user_id: str) -> Decimal | None:
    """The course total of gradereport_user_get_grade_items as a fraction 0..1, or None when not available.

    The course total is the grade item with ``itemtype == "course"``; the fraction is
    ``(graderaw - grademin) / (grademax - grademin)``, clamped to 0..1 and rounded to 6 places.
    """
    fn = "gradereport_user_get_grade_items"
    _require(isinstance(payload, dict) and isinstance(payload.get("usergrades"), list), fn,
             "no usergrades list")
    for usergrade in payload["usergrades"]:
        if not isinstance(usergrade, dict) or str(usergrade.get("userid")) != str(user_id):
            continue
        items = usergrade.get("gradeitems")
        _require(isinstance(items, list), fn, "usergrades[].gradeitems is not a list")
        for item in items:
            if isinstance(item, dict) and item.get("itemtype") == "course":
                return _fraction(item)
    return None


def _fraction(item: dict) -> Decimal | None:
    raw, low, high = _decimal(item.get("graderaw")), _decimal(item.get("grademin")), _decimal(item.get("grademax"))
    if raw is None or low is None or high is None or high <= low:
        return None
    fraction = (raw - low) / (high - low)
    return min(max(fraction, Decimal(0)), Decimal(1)).quantize(GRADE_PLACES)

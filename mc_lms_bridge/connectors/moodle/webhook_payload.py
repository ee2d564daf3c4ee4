"""Pure validation of a course_completed webhook body into a NormalizedCompletion, with field-level errors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..base import CompletionKind, LearnerIdentity, NormalizedCompletion
from .completions import PLATFORM

COURSE_COMPLETED = "\\core\\event\\course_completed"
MAX_TEXT = 255


class WebhookPayloadError(ValueError):
    """The body is not a course_completed event; ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("The webhook body is not a valid course_completed event.")
        self.errors = errors


def _positive_int(payload: dict, name: str, errors: dict[str, list[str]]) -> int | None:
    value = payload.get(name)
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        errors[name] = ["A positive integer is required."]
        return None
    return value


def _user_block(payload: dict, user_id: int | None, errors: dict[str, list[str]]) -> dict[str, str]:
    user = payload.get("user", {})
    if user is None:
        return {}
    if not isinstance(user, dict):
        errors["user"] = ["Must be an object with id, email, firstname, lastname, fullname."]
        return {}
    if "id" in user and user_id is not None and str(user["id"]) != str(user_id):
        errors["user.id"] = ["Must equal relateduserid."]
    fields = {}
    for key in ("email", "firstname", "lastname", "fullname"):
        value = user.get(key, "")
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            errors[f"user.{key}"] = [f"Must be text of at most {MAX_TEXT} characters."]
        else:
            fields[key] = value.strip()
    return fields


def parse_course_completed(payload: Any, *, base_url: str, site_verifies_emails: bool) -> NormalizedCompletion:
    """Validate {eventname, courseid, relateduserid, timecreated, [user]} and build the completion."""
    if not isinstance(payload, dict):
        raise WebhookPayloadError({"non_field_errors": ["The body must be a JSON object."]})
    errors: dict[str, list[str]] = {}
    if payload.get("eventname") != COURSE_COMPLETED:
        errors["eventname"] = [f"Only {COURSE_COMPLETED} events are accepted."]
    course_id = _positive_int(payload, "courseid", errors)
    user_id = _positive_int(payload, "relateduserid", errors)
    timecreated = _positive_int(payload, "timecreated", errors)
    user = _user_block(payload, user_id, errors)
    if errors:
        raise WebhookPayloadError(errors)
    email = user.get("email", "")
    learner = LearnerIdentity(user_id=str(user_id), email=email,
                              email_verified=bool(site_verifies_emails and email),
                              given_name=user.get("firstname", ""), family_name=user.get("lastname", ""),
                              full_name=user.get("fullname", ""))
    raw = {key: payload[key] for key in ("eventname", "courseid", "relateduserid", "timecreated", "objectid",
                                         "contextinstanceid", "userid") if key in payload}
    return NormalizedCompletion(
        platform=PLATFORM, platform_instance=base_url,
        source_event_id=f"event:{course_id}:{user_id}:{timecreated}",
        course_id=str(course_id), kind=CompletionKind.COMPLETED, learner=learner,
        occurred_at=datetime.fromtimestamp(timecreated, tz=UTC), grade=None, raw={"source": "webhook", **raw})

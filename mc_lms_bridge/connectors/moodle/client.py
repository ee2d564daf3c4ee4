"""MoodleClient: token-authenticated calls to Moodle's REST web services, answers parsed, errors mapped."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from .encoding import encode_form
from .errors import MoodleBadResponse, MoodleHTTPError, error_from_payload, is_exception_payload, redact
from .parsing import (
    CompletionStatus,
    EnrolledUser,
    course_grade_fraction,
    parse_completion_status,
    parse_enrolled_users,
)
from .transport import HttpAnswer, urllib_post

logger = logging.getLogger(__name__)

REST_PATH = "/webservice/rest/server.php"
ENROLLED_USER_FIELDS = "id,username,firstname,lastname,fullname,email"

Transport = Callable[[str, bytes, dict[str, str], float], HttpAnswer]


def normalize_base_url(base_url: str) -> str:
    """The site URL without trailing slash (as stored in CourseTag.platform_instance); http(s) only."""
    url = (base_url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"{base_url!r} is not an http(s) Moodle base URL.")
    return url


class MoodleClient:
    """Calls Moodle web-service functions with a token; the token is sent in the POST body only, never shown."""

    def __init__(self, base_url: str, token: str, *, http: Transport | None = None, timeout: float = 10.0):
        if not token:
            raise ValueError("A Moodle web-service token is required.")
        self.base_url = normalize_base_url(base_url)
        self._token = token
        self._http = http or urllib_post
        self.timeout = timeout
        self.requests_made = 0

    def __repr__(self) -> str:
        return f"MoodleClient(base_url={self.base_url!r}, token=<hidden>)"

    __str__ = __repr__

    def call(self, wsfunction: str, params: Mapping[str, Any] | None = None) -> Any:
        """Call one function; return its decoded JSON answer or raise a MoodleError subclass."""
        body = encode_form({"wstoken": self._token, "wsfunction": wsfunction, "moodlewsrestformat": "json",
                            **(params or {})})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        self.requests_made += 1
        answer = self._http(self.base_url + REST_PATH, body, headers, self.timeout)
        if answer.status != 200:
            raise MoodleHTTPError(f"Moodle answered {wsfunction} with HTTP status {answer.status}.",
                                  status=answer.status)
        try:
            payload = json.loads(answer.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            kind = answer.content_type.split(";")[0].strip() or "no content type"
            raise MoodleBadResponse(f"Moodle answered {wsfunction} with non-JSON content ({kind}, "
                                    f"{len(answer.body)} bytes).") from None
        if is_exception_payload(payload):
            error = error_from_payload(payload, wsfunction=wsfunction, token=self._token)
            logger.info("Moodle %s at %s: %s", wsfunction, self.base_url, redact(str(error), self._token))
            raise error
        if isinstance(payload, dict):
            for warning in payload.get("warnings") or []:
                logger.info("Moodle %s warning at %s: %s", wsfunction, self.base_url,
                            redact(json.dumps(warning)[:500], self._token))
        return payload

    def course_completion_status(self, course_id: str | int, user_id: str | int) -> CompletionStatus:
        """core_completion_get_course_completion_status for one user in one course."""
        return parse_completion_status(self.call(
            "core_completion_get_course_completion_status", {"courseid": int(course_id), "userid": int(user_id)}))

    def enrolled_users_page(self, course_id: str | int, *, limit_from: int, limit_number: int,
                            only_active: bool = False) -> list[EnrolledUser]:
        """One page of core_enrol_get_enrolled_users (ordered by user id, Moodle's default)."""
        options: list[dict[str, Any]] = [
            {"name": "userfields", "value": ENROLLED_USER_FIELDS},
            {"name": "limitfrom", "value": int(limit_from)},
            {"name": "limitnumber", "value": int(limit_number)},
        ]
        if only_active:
            options.append({"name": "onlyactive", "value": 1})
        return parse_enrolled_users(self.call(
            "core_enrol_get_enrolled_users", {"courseid": int(course_id), "options": options}))

    def iter_enrolled_users(self, course_id: str | int, *, page_size: int = 1000, only_active: bool = False,
                            max_pages: int | None = None) -> Iterator[EnrolledUser]:
        """Every enrolled user, page by page; stops at a short page or after max_pages requests."""
        if page_size < 1:
            raise ValueError("page_size must be at least 1.")
        page = 0
        while max_pages is None or page < max_pages:
            users = self.enrolled_users_page(course_id, limit_from=page * page_size, limit_number=page_size,
                                             only_active=only_active)
            yield from users
            if len(users) < page_size:
                return
            page += 1

    def enrolled_users(self, course_id: str | int, *, page_size: int = 1000,
                       only_active: bool = False) -> list[EnrolledUser]:
        """All enrolled users of a course (all pages)."""
        return list(self.iter_enrolled_users(course_id, page_size=page_size, only_active=only_active))

    def user_grade(self, course_id: str | int, user_id: str | int) -> Decimal | None:
        """The user's course total as a fraction 0..1 (gradereport_user_get_grade_items), None if not graded."""
        payload = self.call("gradereport_user_get_grade_items", {"courseid": int(course_id), "userid": int(user_id)})
        return course_grade_fraction(payload, str(user_id))

"""Exceptions for Moodle web-service failures, and the mapping from Moodle's exception payloads to them."""

from __future__ import annotations

from typing import Any

REDACTED = "[redacted]"


def redact(text: str, secret: str | None) -> str:
    """Remove a secret (the web-service token) from text that may end up in logs or messages."""
    if secret and secret in text:
        return text.replace(secret, REDACTED)
    return text


class MoodleError(Exception):
    """Moodle answered with an exception payload, or could not be used; errorcode is Moodle's when known."""

    def __init__(self, message: str, *, errorcode: str = "", exception: str = ""):
        super().__init__(message)
        self.message = message
        self.errorcode = errorcode
        self.exception = exception

    def __repr__(self) -> str:
        return f"{type(self).__name__}(errorcode={self.errorcode!r}, message={self.message!r})"


class MoodleInvalidToken(MoodleError):
    """The web-service token is unknown, expired or not allowed from this address."""


class MoodleNoCriteria(MoodleError):
    """The course has no completion criteria, so Moodle cannot tell whether anyone completed it."""


class MoodleUserNotEnrolled(MoodleError):
    """The user is not (or no longer) enrolled in the course."""


class MoodleAccessDenied(MoodleError):
    """The token's user lacks a capability, or the function is not part of the token's service."""


class MoodleTransportError(MoodleError):
    """Moodle could not be reached or did not answer usably (network, HTTP status, timeout, non-JSON)."""


class MoodleConnectionError(MoodleTransportError):
    """The connection to Moodle failed (refused, DNS, TLS)."""


class MoodleTimeout(MoodleTransportError):
    """Moodle did not answer within the timeout."""


class MoodleHTTPError(MoodleTransportError):
    """Moodle answered with an HTTP status other than 200."""

    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.status = status


class MoodleBadResponse(MoodleTransportError):
    """Moodle answered 200 with something that is not the JSON shape the function documents."""


#: Moodle error codes (from lang strings of core_webservice, core_completion, core_error) -> our exception.
ERRORCODE_CLASSES: dict[str, type[MoodleError]] = {
    "invalidtoken": MoodleInvalidToken,
    "invalidtimedtoken": MoodleInvalidToken,
    "invalidiptoken": MoodleInvalidToken,
    "nocriteriaset": MoodleNoCriteria,
    "usernotenroled": MoodleUserNotEnrolled,
    "notenroled": MoodleUserNotEnrolled,
    "accessexception": MoodleAccessDenied,
    "accessdenied": MoodleAccessDenied,
    "nopermissions": MoodleAccessDenied,
    "requireloginerror": MoodleAccessDenied,
    "cannotviewreport": MoodleAccessDenied,
    "nopermissiontoviewgrades": MoodleAccessDenied,
    "servicerequireslogin": MoodleAccessDenied,
}


def is_exception_payload(payload: Any) -> bool:
    """Moodle reports failures as a JSON object with an "exception" member (with HTTP 200)."""
    return isinstance(payload, dict) and "exception" in payload and (
        "errorcode" in payload or "message" in payload)


def error_from_payload(payload: dict, *, wsfunction: str, token: str | None = None) -> MoodleError:
    """The exception for {"exception": ..., "errorcode": ..., "message": ...}; the token never appears in it."""
    errorcode = str(payload.get("errorcode") or "")
    exception = str(payload.get("exception") or "")
    moodle_message = redact(str(payload.get("message") or "no message"), token)
    cls = ERRORCODE_CLASSES.get(errorcode, MoodleError)
    code = errorcode or exception or "unknown"
    return cls(f"Moodle refused {wsfunction} ({code}): {moodle_message}", errorcode=errorcode, exception=exception)

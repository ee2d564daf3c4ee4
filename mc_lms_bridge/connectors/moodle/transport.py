"""The default HTTP transport of the Moodle client: one form POST with the standard library, no redirects."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from .errors import MoodleBadResponse, MoodleConnectionError, MoodleTimeout

MAX_ANSWER_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class HttpAnswer:
    """What came back: status, content type and body bytes."""

    status: int
    content_type: str
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: a redirected POST would lose its body (or carry the token to another host)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _read(response, limit: int) -> bytes:
    body = response.read(limit + 1)
    if len(body) > limit:
        raise MoodleBadResponse(f"Moodle's answer is larger than {limit} bytes.")
    return body


def urllib_post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> HttpAnswer:
    """POST body to url; HTTP error statuses are returned, network failures and timeouts raised."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - http(s) only
    try:
        with _opener.open(request, timeout=timeout) as response:
            return HttpAnswer(response.status, response.headers.get("Content-Type", ""),
                              _read(response, MAX_ANSWER_BYTES))
    except urllib.error.HTTPError as exc:
        with exc:
            return HttpAnswer(exc.code, exc.headers.get("Content-Type", "") if exc.headers else "",
                              _read(exc, MAX_ANSWER_BYTES) if exc.fp else b"")
    except TimeoutError:
        raise MoodleTimeout(f"Moodle did not answer within {timeout:g} seconds.") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise MoodleTimeout(f"Moodle did not answer within {timeout:g} seconds.") from None
        raise MoodleConnectionError(f"Could not connect to Moodle: {exc.reason}.") from None
    except (ConnectionError, OSError) as exc:
        raise MoodleConnectionError(f"Could not connect to Moodle: {exc.strerror or type(exc).__name__}.") from None

"""Outgoing HTTP of the tool (platform JWKS, registration, services) through one small replaceable function."""

from __future__ import annotations

import json as jsonlib
import urllib.error
import urllib.request

TIMEOUT_SECONDS = 10
MAX_BYTES = 2 * 1024 * 1024


class HttpError(Exception):
    """The request failed or returned a status outside 2xx; the message carries no response body."""


def request(method: str, url: str, *, headers: dict | None = None, data: bytes | None = None,
            json: object = None) -> tuple[int, dict, bytes]:
    """Send one request (http/https only) and return (status, headers, body); raises HttpError on failure."""
    if not url.startswith(("https://", "http://")):
        raise HttpError("Only http(s) URLs can be fetched.")
    headers = dict(headers or {})
    if json is not None:
        data = jsonlib.dumps(json).encode()
        headers.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310 (scheme checked)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read(MAX_BYTES)
    except urllib.error.HTTPError as exc:
        raise HttpError(f"{method} {url} answered HTTP {exc.code}.") from None
    except (urllib.error.URLError, OSError) as exc:
        raise HttpError(f"{method} {url} failed: {type(exc).__name__}.") from None


def json_request(method: str, url: str, **kwargs) -> object:
    """Like ``request`` through the configured HTTP function, decoding a JSON body."""
    from .conf import lti_settings

    _, _, body = lti_settings.http_function()(method, url, **kwargs)
    try:
        return jsonlib.loads(body)
    except ValueError:
        raise HttpError(f"{method} {url} did not answer JSON.") from None

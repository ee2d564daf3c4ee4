"""LTI Advantage service calls: client-credentials tokens with a private_key_jwt assertion, then Bearer requests."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from urllib.parse import urlencode

from django.core.cache import cache

from . import keys
from .conf import lti_settings
from .http import HttpError
from .models import LtiPlatform, origin_of

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_SECONDS = 300


class ServiceError(Exception):
    """A token or service request failed; the message names the step, never tokens or response bodies."""


def client_assertion(platform: LtiPlatform) -> str:
    """The private_key_jwt client assertion (1EdTech Security Framework 4.1), signed with the tool key."""
    now = int(time.time())
    return keys.sign({"iss": platform.client_id, "sub": platform.client_id, "aud": platform.auth_token_url,
                      "iat": now, "exp": now + ASSERTION_SECONDS, "jti": secrets.token_urlsafe(24)})


def _cache_key(platform: LtiPlatform, scopes: list[str]) -> str:
    digest = hashlib.sha256(" ".join(sorted(scopes)).encode()).hexdigest()[:24]
    return f"lti:token:{platform.pk}:{digest}"


def access_token(platform: LtiPlatform, scopes: list[str]) -> str:
    """An access token for these scopes from the platform's token URL (cached until shortly before it expires)."""
    if not origin_of(platform.auth_token_url):
        raise ServiceError("The platform has no token URL.")
    key = _cache_key(platform, scopes)
    token = cache.get(key)
    if token:
        return token
    form = {"grant_type": "client_credentials", "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": client_assertion(platform), "scope": " ".join(sorted(scopes))}
    try:
        _, _, body = lti_settings.http_function()(
            "POST", platform.auth_token_url, data=urlencode(form).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        answer = json.loads(body)
    except HttpError as exc:
        raise ServiceError(f"Token request refused: {exc}") from None
    except ValueError:
        raise ServiceError("The token endpoint did not answer JSON.") from None
    token = answer.get("access_token") if isinstance(answer, dict) else None
    if not isinstance(token, str) or not token or str(answer.get("token_type", "")).lower() != "bearer":
        raise ServiceError("The token endpoint answered without a bearer access token.")
    expires_in = answer.get("expires_in")
    lifetime = int(expires_in) if isinstance(expires_in, int) and not isinstance(expires_in, bool) else 3600
    if lifetime > 90:
        cache.set(key, token, lifetime - 60)
    return token


def call(platform: LtiPlatform, method: str, url: str, *, scopes: list[str], accept: str,
         body: dict | None = None, content_type: str | None = None) -> tuple[int, dict, bytes]:
    """One service request with a Bearer token; returns (status, headers, body) or raises ServiceError."""
    headers = {"Authorization": f"Bearer {access_token(platform, scopes)}", "Accept": accept}
    data = None
    if body is not None:
        headers["Content-Type"] = content_type or "application/json"
        data = json.dumps(body).encode()
    try:
        return lti_settings.http_function()(method, url, headers=headers, data=data)
    except HttpError as exc:
        raise ServiceError(str(exc)) from None


def json_of(body: bytes) -> object:
    try:
        return json.loads(body)
    except ValueError:
        raise ServiceError("The service did not answer JSON.") from None


def header(headers: dict, name: str) -> str:
    """A response header by case-insensitive name ("" when absent)."""
    return next((str(value) for key, value in headers.items() if key.lower() == name.lower()), "")

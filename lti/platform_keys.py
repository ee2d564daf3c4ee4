"""Platform public keys: inline key set or JWKS URL (cached, fetched again once when a kid is unknown)."""

from __future__ import annotations

from django.core.cache import cache

from mc_lms_bridge.crypto import keys as key_crypto

from .conf import lti_settings
from .http import HttpError, json_request
from .models import LtiPlatform


class PlatformKeyError(Exception):
    """No usable platform key for this token (reason in the message, no key material)."""


def _cache_key(platform: LtiPlatform) -> str:
    return f"lti:platform-jwks:{platform.pk}:{platform.jwks_url}"


def _fetch(platform: LtiPlatform) -> list[dict]:
    try:
        document = json_request("GET", platform.jwks_url, headers={"Accept": "application/json"})
    except HttpError as exc:
        raise PlatformKeyError(f"platform JWKS could not be fetched ({exc})") from None
    keys = document.get("keys") if isinstance(document, dict) else None
    if not isinstance(keys, list):
        raise PlatformKeyError("platform JWKS has no keys array")
    cache.set(_cache_key(platform), keys, lti_settings.JWKS_CACHE_SECONDS)
    return keys


def _find(keys: list[dict], kid: str | None) -> dict | None:
    candidates = [key for key in keys if isinstance(key, dict) and key.get("kty") == "RSA"
                  and key.get("use", "sig") == "sig" and key.get("alg", "RS256") == "RS256"]
    if kid is None:
        return candidates[0] if len(candidates) == 1 else None
    return next((key for key in candidates if key.get("kid") == kid), None)


def public_key(platform: LtiPlatform, kid: str | None):
    """The RSA public key the platform signs with under ``kid``."""
    if not platform.jwks_url:
        jwk = _find((platform.public_jwks or {}).get("keys", []), kid)
    else:
        cached = cache.get(_cache_key(platform))
        jwk = _find(cached, kid) if cached is not None else None
        if jwk is None:
            jwk = _find(_fetch(platform), kid)
    if jwk is None:
        raise PlatformKeyError(f"no platform key with kid {kid!r}")
    public = {name: value for name, value in jwk.items() if name in ("kty", "n", "e")}
    try:
        return key_crypto.public_key_from_jwk(public)
    except key_crypto.KeyMaterialError as exc:
        raise PlatformKeyError(f"platform key {kid!r} is unusable: {exc}") from None

"""Settings of the LTI tool: ``lti_settings`` over ``settings.MC_LTI``, read lazily with defaults."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Public base URL of the tool (login, launch, JWKS URLs); None = MC_LMS_BRIDGE['BASE_URL'].
    "BASE_URL": None,
    # Seconds an OIDC login state/nonce stays usable.
    "STATE_TTL": 600,
    # Seconds a validated launch (its launch id) stays usable by the in-course pages.
    "LAUNCH_TTL": 4 * 3600,
    # Clock skew tolerated on exp/iat, in seconds.
    "LEEWAY": 60,
    # Seconds a fetched platform JWKS is trusted before it is fetched again.
    "JWKS_CACHE_SECONDS": 300,
    # Days a rotated-out tool key stays in the tool JWKS.
    "RETIRED_KEY_DAYS": 30,
    # Accept http:// platform URLs during dynamic registration (local development and tests only).
    "REGISTRATION_ALLOW_HTTP": False,
    # Dotted path of the HTTP function: (method, url, *, headers, data, json) -> (status, headers, body bytes).
    "HTTP_FUNCTION": "lti.http.request",
}


class LtiSettings:
    """Attribute access to MC_LTI with defaults; dotted paths are imported on use."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, "MC_LTI", {}).get(name, DEFAULTS[name])

    def base_url(self) -> str:
        from mc_lms_bridge.conf import app_settings

        return (self.BASE_URL or app_settings.BASE_URL).rstrip("/")

    def http_function(self):
        module, _, attribute = self.HTTP_FUNCTION.rpartition(".")
        return getattr(import_module(module), attribute)


lti_settings = LtiSettings()

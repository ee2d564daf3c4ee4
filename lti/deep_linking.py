"""Deep Linking 2.0 response: one LtiResourceLink content item in a JWT signed with the tool key."""

from __future__ import annotations

import secrets
import time

from . import claims as c
from . import keys
from .models import LtiLaunch

RESPONSE_SECONDS = 600


def content_item(launch_url: str, title: str = "Micro-credential") -> dict:
    return {
        "type": "ltiResourceLink", "title": title, "url": launch_url,
        "text": "The EU micro-credential of this course: its standard elements, your progress and your credential.",
        "custom": {"mc_placement": "course"},
    }


def response_jwt(launch: LtiLaunch, items: list[dict], *, now: int | None = None) -> str:
    """The signed LtiDeepLinkingResponse for a deep linking launch (data echoed back as the spec asks)."""
    now = int(now if now is not None else time.time())
    settings = launch.claims.get(c.DL_SETTINGS, {})
    payload = {
        "iss": launch.platform.client_id, "aud": launch.platform.issuer, "iat": now, "exp": now + RESPONSE_SECONDS,
        "nonce": secrets.token_urlsafe(16), "azp": launch.platform.issuer,
        c.DEPLOYMENT_ID: launch.deployment.deployment_id, c.MESSAGE_TYPE: c.DEEP_LINKING_RESPONSE,
        c.VERSION: c.LTI_VERSION, c.DL_CONTENT_ITEMS: items,
    }
    if "data" in settings:
        payload[c.DL_DATA] = settings["data"]
    return keys.sign(payload)


def return_url(launch: LtiLaunch) -> str:
    return launch.claims.get(c.DL_SETTINGS, {}).get("deep_link_return_url", "")

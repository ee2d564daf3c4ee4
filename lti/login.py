"""OIDC third-party login initiation: pick the registration, store state and nonce, build the auth request URL."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from django.utils import timezone

from .conf import lti_settings
from .models import LtiNonce, LtiPlatform, origin_of
from .validation import LaunchRejected


def _platform(issuer: str, client_id: str) -> LtiPlatform:
    platforms = LtiPlatform.objects.filter(issuer=issuer, active=True)
    if client_id:
        platforms = platforms.filter(client_id=client_id)
    found = list(platforms[:2])
    if not found:
        raise LaunchRejected("unknown_issuer" if not client_id else "unknown_client",
                             "This platform is not registered with the tool.", 403)
    if len(found) > 1:
        raise LaunchRejected("ambiguous_client", "Several registrations share this issuer; the platform must "
                                                 "send client_id.")
    return found[0]


def authentication_request_url(params, *, tool_origin: str, redirect_uri: str) -> str:
    """Validate login initiation parameters and return the platform URL to redirect the browser to."""
    issuer, login_hint = params.get("iss", ""), params.get("login_hint", "")
    target_link_uri = params.get("target_link_uri", "")
    if not issuer or not login_hint or not target_link_uri:
        raise LaunchRejected("missing_parameter", "The login request lacks iss, login_hint or target_link_uri.")
    platform = _platform(issuer, params.get("client_id", ""))
    deployment_id = params.get("lti_deployment_id", "")
    if deployment_id and not platform.deployments.filter(deployment_id=deployment_id, active=True).exists():
        raise LaunchRejected("unknown_deployment", "This deployment is not registered with the tool.", 403)
    if origin_of(target_link_uri) != tool_origin:
        raise LaunchRejected("foreign_target", "The target link is not a page of this tool.")
    row = LtiNonce.objects.create(platform=platform, target_link_uri=target_link_uri,
                                  expires_at=timezone.now() + timedelta(seconds=lti_settings.STATE_TTL))
    query = {
        "scope": "openid", "response_type": "id_token", "response_mode": "form_post", "prompt": "none",
        "client_id": platform.client_id, "redirect_uri": redirect_uri, "login_hint": login_hint,
        "state": row.state, "nonce": row.nonce,
    }
    if params.get("lti_message_hint"):
        query["lti_message_hint"] = params["lti_message_hint"]
    separator = "&" if urlsplit(platform.auth_login_url).query else "?"
    return platform.auth_login_url + separator + urlencode(query)

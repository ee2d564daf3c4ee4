"""Validation of a platform's id_token: signature, iss, aud, azp, exp/iat, nonce, deployment, message type, version."""

from __future__ import annotations

from dataclasses import dataclass

import jwt
from django.db import transaction
from django.utils import timezone

from . import claims as c
from .conf import lti_settings
from .models import LtiDeployment, LtiNonce, LtiPlatform
from .platform_keys import PlatformKeyError, public_key


class LaunchRejected(Exception):
    """A refused LTI message: ``reason`` is a stable code safe to log, ``message`` is shown to the user."""

    def __init__(self, reason: str, message: str, status: int = 400):
        super().__init__(f"{reason}: {message}")
        self.reason, self.message, self.status = reason, message, status


@dataclass(frozen=True)
class ValidLaunch:
    platform: LtiPlatform
    deployment: LtiDeployment
    payload: dict


def _unverified(id_token: str) -> tuple[dict, dict]:
    try:
        header = jwt.get_unverified_header(id_token)
        payload = jwt.decode(id_token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise LaunchRejected("malformed_token", "The launch token is not a valid JWT.") from None
    if header.get("alg") != "RS256":
        raise LaunchRejected("bad_algorithm", "The launch token must be signed with RS256.")
    return header, payload


def _platform_for(payload: dict) -> LtiPlatform:
    issuer, audience = payload.get("iss"), payload.get("aud")
    if not isinstance(issuer, str) or not issuer:
        raise LaunchRejected("missing_claim", "The launch token has no issuer (iss).")
    platforms = list(LtiPlatform.objects.filter(issuer=issuer, active=True))
    if not platforms:
        raise LaunchRejected("unknown_issuer", "This platform is not registered with the tool.", 403)
    audiences = [audience] if isinstance(audience, str) else audience if isinstance(audience, list) else []
    matching = [platform for platform in platforms if platform.client_id in audiences]
    if len(matching) != 1:
        raise LaunchRejected("unknown_client", "The launch token is not addressed to a registered client id.", 403)
    return matching[0]


def _check_azp(payload: dict, client_id: str) -> None:
    audience, azp = payload.get("aud"), payload.get("azp")
    if isinstance(audience, list) and len(audience) > 1 and azp is None:
        raise LaunchRejected("missing_azp", "A token with several audiences must name the authorized party (azp).")
    if azp is not None and azp != client_id:
        raise LaunchRejected("wrong_azp", "The authorized party (azp) is not this tool's client id.")


def _verify_signature(id_token: str, header: dict, platform: LtiPlatform) -> dict:
    try:
        key = public_key(platform, header.get("kid"))
    except PlatformKeyError as exc:
        raise LaunchRejected("unknown_key", f"The platform key could not be found ({exc}).") from None
    try:
        return jwt.decode(
            id_token, key, algorithms=["RS256"], audience=platform.client_id, issuer=platform.issuer,
            leeway=lti_settings.LEEWAY, options={"require": ["exp", "iat", "nonce", "sub"], "verify_iat": True})
    except jwt.ExpiredSignatureError:
        raise LaunchRejected("expired_token", "The launch token has expired; launch again from the course.") from None
    except jwt.ImmatureSignatureError:
        raise LaunchRejected("token_from_future", "The launch token was issued in the future.") from None
    except jwt.InvalidSignatureError:
        raise LaunchRejected("bad_signature", "The launch token signature is not valid.", 403) from None
    except jwt.InvalidAudienceError:
        raise LaunchRejected("wrong_audience", "The launch token is not addressed to this tool.", 403) from None
    except jwt.MissingRequiredClaimError as exc:
        raise LaunchRejected("missing_claim", f"The launch token lacks the {exc.claim} claim.") from None
    except jwt.PyJWTError as exc:
        raise LaunchRejected("invalid_token", f"The launch token is not valid ({type(exc).__name__}).") from None


def _consume_nonce(state: str, nonce: str, platform: LtiPlatform) -> LtiNonce:
    now = timezone.now()
    with transaction.atomic():
        row = LtiNonce.objects.select_for_update().filter(state=state).first()
        if row is None:
            raise LaunchRejected("unknown_state", "This launch was not started here; launch again from the course.")
        if row.used_at is not None:
            raise LaunchRejected("replayed_nonce", "This launch was already used; launch again from the course.", 403)
        if row.expires_at <= now:
            raise LaunchRejected("expired_state", "The login took too long; launch again from the course.")
        if row.nonce != nonce or row.platform_id != platform.pk:
            raise LaunchRejected("nonce_mismatch", "The launch token does not belong to this login.", 403)
        row.used_at = now
        row.save(update_fields=["used_at"])
    return row


def _deployment(payload: dict, platform: LtiPlatform) -> LtiDeployment:
    deployment_id = payload.get(c.DEPLOYMENT_ID)
    if not isinstance(deployment_id, str) or not deployment_id:
        raise LaunchRejected("missing_claim", "The launch token lacks the deployment_id claim.")
    deployment = platform.deployments.filter(deployment_id=deployment_id, active=True).first()
    if deployment is None:
        raise LaunchRejected("unknown_deployment", "This deployment is not registered with the tool.", 403)
    return deployment


def _check_message(payload: dict) -> None:
    if payload.get(c.VERSION) != c.LTI_VERSION:
        raise LaunchRejected("wrong_version", "Only LTI 1.3.0 messages are accepted.")
    message_type = payload.get(c.MESSAGE_TYPE)
    if message_type not in c.MESSAGE_TYPES:
        raise LaunchRejected("wrong_message_type", "This message type is not supported by the tool.")
    roles = payload.get(c.ROLES)
    if not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
        raise LaunchRejected("missing_claim", "The launch token lacks the roles claim.")
    context = payload.get(c.CONTEXT)
    if not isinstance(context, dict) or not isinstance(context.get("id"), str) or not context["id"]:
        raise LaunchRejected("missing_claim", "The tool must be launched from a course (context claim).")
    if message_type == c.RESOURCE_LINK_REQUEST:
        link = payload.get(c.RESOURCE_LINK)
        if not isinstance(link, dict) or not link.get("id"):
            raise LaunchRejected("missing_claim", "The launch token lacks the resource_link claim.")
        if not isinstance(payload.get(c.TARGET_LINK_URI), str):
            raise LaunchRejected("missing_claim", "The launch token lacks the target_link_uri claim.")
    else:
        settings = payload.get(c.DL_SETTINGS)
        if not isinstance(settings, dict) or not isinstance(settings.get("deep_link_return_url"), str):
            raise LaunchRejected("missing_claim", "The deep linking request lacks its deep_link_return_url.")


def validate_id_token(id_token: str, state: str) -> ValidLaunch:
    """Check everything an LTI 1.3 launch must satisfy; the nonce is consumed only by a fully valid token."""
    if not id_token or not state:
        raise LaunchRejected("missing_parameter", "The launch lacks its id_token or state.")
    header, unverified = _unverified(id_token)
    platform = _platform_for(unverified)
    _check_azp(unverified, platform.client_id)
    payload = _verify_signature(id_token, header, platform)
    _check_message(payload)
    deployment = _deployment(payload, platform)
    _consume_nonce(state, payload["nonce"], platform)
    return ValidLaunch(platform=platform, deployment=deployment, payload=payload)

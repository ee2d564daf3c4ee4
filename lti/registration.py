"""LTI Dynamic Registration 1.0 (tool side): check the platform's OpenID configuration, register, store it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import claims as c
from .conf import lti_settings
from .http import HttpError
from .models import LtiDeployment, LtiPlatform, LtiRegistrationInvite, origin_of

PLATFORM_CONFIG = "https://purl.imsglobal.org/spec/lti-platform-configuration"
TOOL_CONFIG = "https://purl.imsglobal.org/spec/lti-tool-configuration"
ENDPOINTS = ("authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint")
TOOL_SCOPES = (c.SCOPE_LINEITEM, c.SCOPE_SCORE, c.SCOPE_RESULT, c.SCOPE_NRPS)
CLIENT_NAME = "EU micro-credentials (mc-lms-bridge)"


class RegistrationRefused(Exception):
    """Registration cannot go on; ``reason`` is a stable code for logs, ``message`` is shown to the admin."""

    def __init__(self, reason: str, message: str, status: int = 400):
        super().__init__(message)
        self.reason, self.message, self.status = reason, message, status


@dataclass
class PlatformConfiguration:
    """A checked platform OpenID configuration."""

    url: str
    data: dict

    @property
    def issuer(self) -> str:
        return self.data["issuer"]

    @property
    def family_code(self) -> str:
        return self.data[PLATFORM_CONFIG]["product_family_code"]


def _secure(url: str) -> bool:
    scheme = urlsplit(url).scheme
    return scheme == "https" or (scheme == "http" and lti_settings.REGISTRATION_ALLOW_HTTP)


def _absolute(value, name: str) -> str:
    if not isinstance(value, str) or not origin_of(value) or not _secure(value) or len(value) > 500:
        raise RegistrationRefused("bad_configuration", f"The platform configuration's {name} is not an https URL.")
    return value


def _supports(data: dict, name: str, wanted: str) -> None:
    values = data.get(name)
    if not isinstance(values, list) or wanted not in values:
        raise RegistrationRefused("bad_configuration", f"The platform configuration's {name} lacks {wanted!r}.")


def check_configuration(url: str, data: object) -> PlatformConfiguration:
    """Strict checks of the OpenID configuration (LTI DR 3.5 and Moodle's registration rules)."""
    if not isinstance(data, dict):
        raise RegistrationRefused("bad_configuration", "The platform configuration is not a JSON object.")
    issuer = _absolute(data.get("issuer"), "issuer")
    if urlsplit(issuer).query or urlsplit(issuer).fragment:
        raise RegistrationRefused("bad_configuration", "The platform issuer must not have a query or fragment.")
    if (urlsplit(issuer).hostname or "") != (urlsplit(url).hostname or ""):
        raise RegistrationRefused("issuer_mismatch", "The configuration URL is not on the issuer's host.")
    for name in ENDPOINTS:
        _absolute(data.get(name), name)
    _supports(data, "response_types_supported", "id_token")
    _supports(data, "id_token_signing_alg_values_supported", "RS256")
    _supports(data, "token_endpoint_auth_methods_supported", "private_key_jwt")
    platform = data.get(PLATFORM_CONFIG)
    if not isinstance(platform, dict):
        raise RegistrationRefused("bad_configuration", f"The platform configuration lacks {PLATFORM_CONFIG}.")
    for name in ("product_family_code", "version"):
        if not isinstance(platform.get(name), str) or not platform[name]:
            raise RegistrationRefused("bad_configuration", f"The platform configuration lacks {name}.")
    if not isinstance(platform.get("messages_supported"), list):
        raise RegistrationRefused("bad_configuration", "The platform configuration lacks messages_supported.")
    return PlatformConfiguration(url=url, data=data)


def _call(method: str, url: str, token: str, **kwargs) -> object:
    headers = {"Accept": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    try:
        _, _, body = lti_settings.http_function()(method, url, headers=headers, **kwargs)
        return json.loads(body)
    except HttpError as exc:
        raise RegistrationRefused("platform_error", f"The platform refused: {exc}", 502) from None
    except ValueError:
        raise RegistrationRefused("platform_error", "The platform did not answer JSON.", 502) from None


def fetch_configuration(url: str, token: str) -> PlatformConfiguration:
    """GET the openid_configuration URL (with the registration token, when given) and check it."""
    if not origin_of(url) or not _secure(url):
        raise RegistrationRefused("bad_request", "openid_configuration must be an https URL.")
    return check_configuration(url, _call("GET", url, token))


def client_metadata(config: PlatformConfiguration, tool_base: str) -> dict:
    """Our client registration request (LTI DR 3.6), limited to the scopes the platform offers."""
    launch, login, jwks = f"{tool_base}/lti/launch/", f"{tool_base}/lti/login/", f"{tool_base}/lti/jwks/"
    offered = config.data.get("scopes_supported")
    scopes = [s for s in TOOL_SCOPES if not isinstance(offered, list) or s in offered]
    supported = {m.get("type") for m in config.data[PLATFORM_CONFIG]["messages_supported"] if isinstance(m, dict)}
    messages = [{"type": c.RESOURCE_LINK_REQUEST, "target_link_uri": launch, "label": "Micro-credential"}]
    if c.DEEP_LINKING_REQUEST in supported:
        messages.append({"type": c.DEEP_LINKING_REQUEST, "target_link_uri": launch,
                         "label": "Add the micro-credential", "placements": ["ContentArea"]})
    return {
        "application_type": "web", "response_types": ["id_token"], "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": login, "redirect_uris": [launch], "client_name": CLIENT_NAME, "jwks_uri": jwks,
        "token_endpoint_auth_method": "private_key_jwt", "scope": " ".join(scopes),
        TOOL_CONFIG: {"domain": urlsplit(tool_base).netloc, "target_link_uri": launch,
                      "description": "Tag the course as an EU micro-credential; learners see their credential.",
                      "claims": ["iss", "sub", "name", "given_name", "family_name", "email"],
                      "messages": messages},
    }


def _registered(answer: object) -> tuple[str, str]:
    if not isinstance(answer, dict) or not isinstance(answer.get("client_id"), str) or not answer["client_id"]:
        raise RegistrationRefused("platform_error", "The platform's answer has no client_id.", 502)
    tool = answer.get(TOOL_CONFIG) if isinstance(answer.get(TOOL_CONFIG), dict) else {}
    deployment = tool.get("deployment_id")
    return answer["client_id"][:255], (str(deployment)[:255] if isinstance(deployment, (str, int)) else "")


@transaction.atomic
def register(config: PlatformConfiguration, token: str, *, tool_base: str, organisation,
             invite: LtiRegistrationInvite | None = None) -> LtiPlatform:
    """POST our registration with the token as Bearer; store the platform and its deployment; use the invite."""
    if invite is not None:
        invite = LtiRegistrationInvite.objects.select_for_update().get(pk=invite.pk)
        if invite.used_at is not None:
            raise RegistrationRefused("invite_used", "This registration link was already used.", 403)
    metadata = client_metadata(config, tool_base)
    client_id, deployment_id = _registered(_call("POST", config.data["registration_endpoint"], token, json=metadata))
    data = config.data
    try:
        with transaction.atomic():
            platform = LtiPlatform.objects.create(
                name=f"{config.family_code} {urlsplit(config.issuer).netloc}"[:200], organisation=organisation,
                issuer=config.issuer, client_id=client_id, auth_login_url=data["authorization_endpoint"],
                auth_token_url=data["token_endpoint"], jwks_url=data["jwks_uri"],
                family_code=config.family_code[:64],
                registration={"openid_configuration": config.url, "registered_at": timezone.now().isoformat(),
                              "platform_version": data[PLATFORM_CONFIG]["version"][:64], "scope": metadata["scope"]})
    except IntegrityError:
        raise RegistrationRefused("already_registered", "This platform client is already registered.", 409) from None
    if deployment_id:
        LtiDeployment.objects.create(platform=platform, deployment_id=deployment_id)
    if invite is not None:
        invite.used_at, invite.platform = timezone.now(), platform
        invite.save(update_fields=["used_at", "platform"])
    return platform

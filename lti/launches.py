"""Validated launches kept server side: what later pages need (context, roles, service claims), no PII."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from . import claims as c
from .conf import lti_settings
from .models import LtiContext, LtiLaunch, origin_of
from .validation import LaunchRejected, ValidLaunch

#: Claims kept with a launch, copied as given (they hold no personal data).
KEPT_CLAIMS = (c.RESOURCE_LINK, c.TOOL_PLATFORM, c.LAUNCH_PRESENTATION, c.CUSTOM, c.DL_SETTINGS, c.AGS_ENDPOINT,
               c.NRPS, c.TARGET_LINK_URI)
#: From `lis` only course identifiers (person_sourcedid identifies a person); from Moodle's `ext` only `lms`.
KEPT_SUBCLAIMS = {c.LIS: ("course_offering_sourcedid", "course_section_sourcedid"), c.EXT: ("lms",)}


def _kept(payload: dict) -> dict:
    kept = {name: payload[name] for name in KEPT_CLAIMS if name in payload}
    for name, members in KEPT_SUBCLAIMS.items():
        value = payload.get(name)
        if isinstance(value, dict):
            kept[name] = {member: value[member] for member in members if member in value}
    return kept


def _url(value) -> str:
    return value if isinstance(value, str) and len(value) <= 500 and origin_of(value) else ""


def _remember_services(valid: ValidLaunch, context_id: str) -> None:
    """Keep the course's NRPS/AGS endpoints (only well-formed http(s) URLs) for later service calls."""
    payload = valid.payload
    nrps = payload.get(c.NRPS) if isinstance(payload.get(c.NRPS), dict) else {}
    ags = payload.get(c.AGS_ENDPOINT) if isinstance(payload.get(c.AGS_ENDPOINT), dict) else {}
    services = {"memberships_url": _url(nrps.get("context_memberships_url")),
                "lineitems_url": _url(ags.get("lineitems")), "lineitem_url": _url(ags.get("lineitem"))}
    if not any(services.values()):
        return
    scopes = ags.get("scope") if isinstance(ags.get("scope"), list) else []
    link = payload.get(c.RESOURCE_LINK) if isinstance(payload.get(c.RESOURCE_LINK), dict) else {}
    LtiContext.objects.update_or_create(
        platform=valid.platform, context_id=context_id,
        defaults={**services, "deployment": valid.deployment, "ags_scopes": [str(s) for s in scopes][:20],
                  "resource_link_id": str(link.get("id") or "")[:255]})


def record(valid: ValidLaunch) -> LtiLaunch:
    """Store a validated launch and return it; its launch_id authenticates the following page requests."""
    payload = valid.payload
    context = payload[c.CONTEXT]
    _remember_services(valid, context["id"])
    return LtiLaunch.objects.create(
        platform=valid.platform, deployment=valid.deployment, message_type=payload[c.MESSAGE_TYPE],
        subject=payload["sub"], roles=payload[c.ROLES], context_id=context["id"],
        context_title=str(context.get("title") or context.get("label") or "")[:255], claims=_kept(payload),
        expires_at=timezone.now() + timedelta(seconds=lti_settings.LAUNCH_TTL))


def get(launch_id: str) -> LtiLaunch:
    """The live launch with this id; refused when unknown, expired or its platform/deployment was deactivated."""
    launch = (LtiLaunch.objects.select_related("platform", "platform__organisation", "deployment")
              .filter(launch_id=launch_id).first()) if launch_id else None
    if launch is None:
        raise LaunchRejected("unknown_launch", "This page needs a launch from the course; open the tool again.", 403)
    if launch.expires_at <= timezone.now():
        raise LaunchRejected("expired_launch", "This session has expired; open the tool again from the course.", 403)
    if not (launch.platform.active and launch.deployment.active):
        raise LaunchRejected("inactive_platform", "This platform registration is no longer active.", 403)
    return launch

"""Validated launches kept server side: what later pages need (context, roles, service claims), no PII."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from . import claims as c
from .conf import lti_settings
from .models import LtiLaunch
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


def record(valid: ValidLaunch) -> LtiLaunch:
    """Store a validated launch and return it; its launch_id authenticates the following page requests."""
    payload = valid.payload
    context = payload[c.CONTEXT]
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

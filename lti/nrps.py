"""Names and Role Provisioning Services 2.0: read a course roster (all pages) to learn whom to ask about."""

from __future__ import annotations

import re

from . import claims as c
from .models import LtiContext, LtiPlatform, origin_of
from .services import ServiceError, call, header, json_of

MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
MAX_PAGES = 200
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?', re.I)


def next_link(link_header: str) -> str:
    """The rel="next" target of an RFC 8288 Link header, or ""."""
    for part in link_header.split(","):
        match = _NEXT.search(part)
        if match:
            return match.group(1).strip()
    return ""


def _context(platform: LtiPlatform, context) -> LtiContext:
    if isinstance(context, LtiContext):
        return context
    found = LtiContext.objects.filter(platform=platform, context_id=str(context)).first()
    if found is None or not found.memberships_url:
        raise ServiceError("No NRPS endpoint is known for this course: launch the tool from it once.")
    return found


def members(platform: LtiPlatform, context) -> list[dict]:
    """Every member of the course's roster, following Link rel="next" pages on the same origin only."""
    url = _context(platform, context).memberships_url
    origin, seen, result = origin_of(url), set(), []
    while url and len(seen) < MAX_PAGES:
        if url in seen or origin_of(url) != origin:
            raise ServiceError("The roster's next page link loops or leaves the platform.")
        seen.add(url)
        _, headers, body = call(platform, "GET", url, scopes=[c.SCOPE_NRPS], accept=MEDIA_TYPE)
        page = json_of(body)
        if not isinstance(page, dict) or not isinstance(page.get("members"), list):
            raise ServiceError("The roster answer has no members list.")
        result.extend(member for member in page["members"] if isinstance(member, dict))
        url = next_link(header(headers, "Link"))
    return result


def _is_learner(roles) -> bool:
    return any(isinstance(role, str) and (role == "Learner" or role.endswith("#Learner")) for role in roles or ())


def roster_user_ids(platform: LtiPlatform, context, *, learners_only: bool = True) -> list[str]:
    """LTI user ids (``sub``; Moodle's user ids) of the active members, learners only unless told otherwise."""
    ids = []
    for member in members(platform, context):
        user_id = member.get("user_id")
        if not isinstance(user_id, str) or not user_id or member.get("status", "Active") != "Active":
            continue
        if learners_only and not _is_learner(member.get("roles")):
            continue
        if user_id not in ids:
            ids.append(user_id)
    return ids

"""Assignment and Grade Services 2.0: post a completed score to the course gradebook when a credential is awarded."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from mc_lms_bridge.models import Award, CompletionEvent, CourseTag, LearnerAccount

from . import claims as c
from .models import LtiContext
from .services import ServiceError, call, json_of

logger = logging.getLogger("lti")

SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json"
CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json"
TAG = "mc-lms-bridge-microcredential"


@dataclass
class ScorePost:
    """One score sent: the platform registration, the course and the HTTP status the platform answered."""

    platform_id: int
    context_id: str
    status: int


def scores_url(lineitem_url: str) -> str:
    """The line item URL with '/scores' appended to its path (its query string is kept)."""
    parts = urlsplit(lineitem_url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/scores"))


def _lineitem(context: LtiContext) -> str:
    """The resource link's line item, else ours in the container (found by tag, created when missing)."""
    if context.lineitem_url:
        return context.lineitem_url
    if not context.lineitems_url or c.SCOPE_LINEITEM not in context.ags_scopes:
        raise ServiceError("The course offers no line item and does not let the tool create one.")
    platform, query = context.platform, {"tag": TAG}
    if context.resource_link_id:
        query["resource_link_id"] = context.resource_link_id
    parts = urlsplit(context.lineitems_url)
    url = urlunsplit(parts._replace(query="&".join(filter(None, [parts.query, urlencode(query)]))))
    _, _, body = call(platform, "GET", url, scopes=[c.SCOPE_LINEITEM], accept=CONTAINER_TYPE)
    items = json_of(body)
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("tag") == TAG and isinstance(item.get("id"), str):
            return item["id"]
    new = {"label": "Micro-credential", "scoreMaximum": 1, "tag": TAG}
    if context.resource_link_id:
        new["resourceLinkId"] = context.resource_link_id
    _, _, body = call(platform, "POST", context.lineitems_url, scopes=[c.SCOPE_LINEITEM], accept=LINEITEM_TYPE,
                      body=new, content_type=LINEITEM_TYPE)
    created = json_of(body)
    if not isinstance(created, dict) or not isinstance(created.get("id"), str):
        raise ServiceError("The platform created a line item without an id.")
    return created["id"]


def _user_id(award: Award, tag: CourseTag) -> str:
    account = LearnerAccount.objects.filter(learner=award.learner, platform=tag.platform,
                                            platform_instance=tag.platform_instance).first()
    if account is not None:
        return account.user_id
    event = CompletionEvent.objects.filter(award=award, platform_instance=tag.platform_instance,
                                           course_id=tag.course_id).first()
    return event.user_id if event is not None else ""


def score_of(award: Award, user_id: str) -> dict:
    return {"userId": user_id, "scoreGiven": 1, "scoreMaximum": 1, "activityProgress": "Completed",
            "gradingProgress": "FullyGraded", "timestamp": award.awarded_at.isoformat(),
            "comment": "Micro-credential awarded."}


def score_targets(award: Award) -> list[tuple[LtiContext, str]]:
    """(course context, learner's LTI user id) for each LTI-tagged course of the award's micro-credential."""
    microcredential = award.version.microcredential
    targets = []
    for tag in CourseTag.objects.filter(microcredential=microcredential, active=True):
        context = (LtiContext.objects.select_related("platform")
                   .filter(platform__issuer=tag.platform_instance, platform__active=True, context_id=tag.course_id,
                           platform__organisation=microcredential.organisation)
                   .exclude(lineitem_url="", lineitems_url="").first())
        user_id = _user_id(award, tag) if context else ""
        if context and user_id:
            targets.append((context, user_id))
    return targets


def post_award_score(award: Award) -> list[ScorePost]:
    """Post a full, completed score for the award's learner to every LTI course of its micro-credential.

    Revoked awards and courses without AGS endpoints or a known LTI user id are skipped; a platform failure
    raises ServiceError (call it from a retried task). Returns what was sent.
    """
    if award.revoked_at is not None:
        return []
    sent = []
    for context, user_id in score_targets(award):
        lineitem = _lineitem(context)
        status, _, _ = call(context.platform, "POST", scores_url(lineitem), scopes=[c.SCOPE_SCORE],
                            accept="application/json", body=score_of(award, user_id), content_type=SCORE_TYPE)
        logger.info("LTI score posted: platform=%s status=%s", context.platform_id, status)
        sent.append(ScorePost(context.platform_id, context.context_id, status))
    return sent

"""What a learner sees in the course: the micro-credential's elements, their completion events and award."""

from __future__ import annotations

from dataclasses import dataclass, field

from mc_lms_bridge import identity
from mc_lms_bridge.models import Award, CompletionEvent, LearnerAccount, MicroCredentialVersion

from .models import LtiLaunch
from .tagging import course_tag


@dataclass
class LearnerProgress:
    version: MicroCredentialVersion | None
    rule: str = ""
    min_grade: object = None
    events: list = field(default_factory=list)
    award: Award | None = None
    credentials: list = field(default_factory=list)


def progress_of(launch: LtiLaunch) -> LearnerProgress:
    """Only the launching user's own events and award, matched by platform, issuer, course and sub."""
    tag = course_tag(launch)
    if tag is None:
        return LearnerProgress(version=None)
    version = tag.microcredential.published_version()
    result = LearnerProgress(version=version, rule=tag.get_rule_display(), min_grade=tag.min_grade)
    platform, issuer = launch.platform.course_platform, launch.platform.issuer
    result.events = list(CompletionEvent.objects.filter(
        platform=platform, platform_instance=issuer, course_id=launch.context_id, user_id=launch.subject,
    ).order_by("-occurred_at")[:20])
    account = LearnerAccount.objects.filter(platform=platform, platform_instance=issuer,
                                            user_id=launch.subject).first()
    if account is not None:
        result.award = (Award.objects.filter(learner_id=account.learner_id,
                                             version__microcredential=tag.microcredential)
                        .order_by("-awarded_at").first())
    if result.award is not None:
        result.credentials = [(credential, identity.credential_page_url(credential.id))
                              for credential in result.award.credentials.order_by("format")]
    return result

"""Awards of the course's micro-credential as the instructor sees them, and their revocation or suspension."""

from __future__ import annotations

from mc_lms_bridge.models import Award, CourseTag, IssuedCredential
from mc_lms_bridge.status.service import StatusChangeRefused, change_status

from .models import LtiLaunch
from .tagging import actor_for, course_tag

ACTIONS = ("revoke", "suspend", "unsuspend")


def awards_of(tag: CourseTag | None) -> list[Award]:
    if tag is None:
        return []
    return list(Award.objects.filter(version__microcredential=tag.microcredential)
                .select_related("learner", "version").prefetch_related("credentials").order_by("-awarded_at"))


def state_of(award: Award) -> str:
    credentials = list(award.credentials.all())
    if credentials:
        return credentials[0].state
    return "revoked" if award.revoked_at else "not issued yet"


def change_award_status(launch: LtiLaunch, award_id: str, action: str, reason: str) -> None:
    """Revoke/suspend/unsuspend an award of *this* course's micro-credential (others are refused)."""
    if action not in ACTIONS:
        raise StatusChangeRefused("Unknown action.")
    tag = course_tag(launch)
    credential = None
    if tag is not None:
        credential = IssuedCredential.objects.filter(
            award_id=award_id, award__version__microcredential=tag.microcredential).first()
    if credential is None:
        raise StatusChangeRefused("No issued credential of this course's micro-credential has that id.")
    change_status(credential, action, actor=actor_for(launch), reason=reason or f"{action} from the LMS course")

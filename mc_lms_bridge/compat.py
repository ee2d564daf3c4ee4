"""The one place that imports edx-platform: lazy look-ups that fall back cleanly outside the platform."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: Attribute of the XBlock user service's XBlockUser that edx-platform fills with the Django user id.
PLATFORM_USER_ID_ATTR = "edx-platform.user_id"


def course_id_of_key(course_key) -> str:
    """Canonical course id string of an opaque course key: CCX runs map to their master course, no branch."""
    to_master = getattr(course_key, "to_course_locator", None)  # CCXLocator -> master CourseLocator
    if callable(to_master):
        course_key = to_master()
    for_branch = getattr(course_key, "for_branch", None)  # Studio keys may carry a draft branch
    if callable(for_branch):
        course_key = for_branch(None)
    version_agnostic = getattr(course_key, "version_agnostic", None)
    if callable(version_agnostic):
        course_key = version_agnostic()
    return str(course_key)


def course_display_name(course_id: str) -> str:
    """The course's display name from edx-platform's CourseOverview; "" outside the platform or if unknown."""
    try:
        from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
    except ImportError:
        return ""
    from opaque_keys import InvalidKeyError
    from opaque_keys.edx.keys import CourseKey

    try:
        overview = CourseOverview.get_from_id(CourseKey.from_string(course_id))
    except (CourseOverview.DoesNotExist, InvalidKeyError):
        return ""
    return overview.display_name_with_default or ""


def user_id_for_anonymous_id(anonymous_id: str) -> str | None:
    """Django user id behind an edx-platform anonymous user id; None outside the platform or if unknown."""
    try:
        from common.djangoapps.student.models import user_by_anonymous_id
    except ImportError:
        return None
    user = user_by_anonymous_id(anonymous_id)
    return str(user.id) if user is not None else None


def xblock_course_id(block) -> str | None:
    """Course id (master course for CCX) of the course a block lives in; None if its usage id has none."""
    usage_id = block.scope_ids.usage_id
    course_key = getattr(usage_id, "course_key", None) or getattr(usage_id, "context_key", None)
    return course_id_of_key(course_key) if course_key is not None else None


def xblock_user_id(block) -> str | None:
    """Django user id of the learner viewing a block (the user service, else the scope ids); None if anonymous."""
    service = block.runtime.service(block, "user")
    user = service.get_current_user() if service is not None else None
    platform_id = (getattr(user, "opt_attrs", None) or {}).get(PLATFORM_USER_ID_ATTR)
    if platform_id not in (None, ""):
        return str(platform_id)
    scope_user = block.scope_ids.user_id
    if scope_user in (None, ""):
        return None
    if str(scope_user).isdigit():
        return str(scope_user)
    return user_id_for_anonymous_id(str(scope_user))

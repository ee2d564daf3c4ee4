"""Which micro-credential an Open edX course leads to: its active CourseTags, the chosen one, what is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from ...models import CourseTag, MicroCredentialVersion
from ..base import ConnectorError
from .instance import PLATFORM, platform_instance

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """A validation message for the course team (level is "error" or "warning")."""

    level: str
    text: str


@dataclass(frozen=True)
class TagChoice:
    """The course's tags, the one in use (if any), its published version (if any) and the findings."""

    course_id: str
    tags: tuple[CourseTag, ...]
    tag: CourseTag | None
    version: MicroCredentialVersion | None
    findings: tuple[Finding, ...]

    @property
    def usable(self) -> bool:
        return self.version is not None


def course_tags(course_id: str) -> list[CourseTag]:
    """Active tags of this course on this Open edX installation, with their micro-credential and issuer."""
    return list(CourseTag.objects.filter(platform=PLATFORM, platform_instance=platform_instance(),
                                         course_id=course_id, active=True)
                .select_related("microcredential__organisation").order_by("microcredential__slug", "pk"))


def choose(course_id: str | None, chosen_microcredential_id: str = "") -> TagChoice:
    """Resolve the tag a course page shows: the chosen one, or the only one; say what blocks it otherwise."""
    if not course_id:
        return TagChoice("", (), None, None, (Finding(ERROR, "This block is not inside a course."),))
    try:
        tags = tuple(course_tags(course_id))
    except ConnectorError as exc:
        return TagChoice(course_id, (), None, None, (Finding(ERROR, str(exc)),))
    if not tags:
        return TagChoice(course_id, tags, None, None, (Finding(
            ERROR, f"Course {course_id} is not tagged as leading to a micro-credential. An administrator of the "
                   "issuing organisation tags it through the mc-lms-bridge API or admin."),))
    if chosen_microcredential_id:
        tag = next((t for t in tags if str(t.microcredential_id) == chosen_microcredential_id), None)
        if tag is None:
            return TagChoice(course_id, tags, None, None, (Finding(
                ERROR, "The micro-credential chosen for this block is no longer tagged on this course; "
                       "choose one of the course's micro-credentials."),))
    elif len(tags) == 1:
        tag = tags[0]
    else:
        return TagChoice(course_id, tags, None, None, (Finding(
            WARNING, f"This course leads to {len(tags)} micro-credentials; choose the one this block shows."),))
    version = tag.microcredential.published_version()
    if version is None:
        return TagChoice(course_id, tags, tag, None, (Finding(
            WARNING, f"Micro-credential {tag.microcredential} has no published version: learners see nothing "
                     "and no credential is issued until it is published."),))
    return TagChoice(course_id, tags, tag, version, ())

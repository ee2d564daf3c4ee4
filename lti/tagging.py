"""Tagging the launch's course: the micro-credential through the catalogue lifecycle, plus its CourseTag."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from mc_lms_bridge.api.serializers.microcredential import VersionContentSerializer
from mc_lms_bridge.audit import Actor
from mc_lms_bridge.catalogue import lifecycle
from mc_lms_bridge.models import CourseTag, MicroCredential, Status

from .models import LtiLaunch


@dataclass
class TaggingErrors(Exception):
    """Refused input: {field or "__all__": [messages]}."""

    errors: dict[str, list[str]] = field(default_factory=dict)


def actor_for(launch: LtiLaunch) -> Actor:
    """An audit actor naming the platform and a hash of the platform user id (no personal data)."""
    digest = hashlib.sha256(f"{launch.platform.issuer}\n{launch.subject}".encode()).hexdigest()[:16]
    return Actor(label=f"lti:{launch.platform_id}:{digest}")


def course_tag(launch: LtiLaunch) -> CourseTag | None:
    """The tag of the launch's course owned by the platform's organisation, if the course is tagged."""
    return (CourseTag.objects.select_related("microcredential")
            .filter(platform=launch.platform.course_platform, platform_instance=launch.platform.issuer,
                    course_id=launch.context_id, microcredential__organisation=launch.platform.organisation)
            .order_by("created_at").first())


def _slug_for(launch: LtiLaunch, title: str) -> str:
    digest = hashlib.sha256(f"{launch.platform.issuer}\n{launch.context_id}".encode()).hexdigest()[:8]
    return f"{slugify(title)[:50].strip('-') or 'course'}-{digest}"


def _flatten(value) -> list[str]:
    if isinstance(value, dict):
        return [f"{key}: {message}" for key, item in value.items() for message in _flatten(item)]
    if isinstance(value, list):
        return [message for item in value for message in _flatten(item)]
    return [str(value)]


def _errors_of(detail: dict) -> dict[str, list[str]]:
    return {("__all__" if name == "non_field_errors" else name): _flatten(messages)
            for name, messages in detail.items()}


def validated_content(payload: dict) -> tuple[dict, list]:
    """Validate with the REST API's serializer; returns (content, outcomes) or raises TaggingErrors."""
    serializer = VersionContentSerializer(data=payload)
    if not serializer.is_valid():
        raise TaggingErrors(_errors_of(serializer.errors))
    content, outcomes, _ = serializer.split()
    return content, outcomes or []


@transaction.atomic
def save(launch: LtiLaunch, payload: dict, *, rule: str, min_grade) -> CourseTag:
    """Create or edit the course's micro-credential draft and its completion rule."""
    content, outcomes = validated_content(payload)
    actor, tag = actor_for(launch), course_tag(launch)
    try:
        if tag is None:
            version = lifecycle.create_microcredential(
                organisation=launch.platform.organisation, slug=_slug_for(launch, content["title"].get(
                    next(iter(content["title"])), "")), content=content, outcomes=outcomes, actor=actor)
            tag = CourseTag(microcredential=version.microcredential, platform=launch.platform.course_platform,
                            platform_instance=launch.platform.issuer, course_id=launch.context_id)
        else:
            lifecycle.edit(tag.microcredential, content=content, outcomes=outcomes, actor=actor)
    except lifecycle.LifecycleError as exc:
        raise TaggingErrors({"__all__": [str(exc)]}) from None
    tag.rule, tag.min_grade = rule, min_grade
    tag.full_clean()
    tag.save()
    return tag


def advance(launch: LtiLaunch, tag: CourseTag, target: str) -> None:
    """Move the working version to review ("submit") or to published ("publish", via review if still a draft)."""
    microcredential: MicroCredential = tag.microcredential
    actor = actor_for(launch)
    try:
        working = microcredential.working_version()
        if working is not None and working.status == Status.DRAFT:
            lifecycle.submit_for_review(microcredential, actor=actor)
        if target == "publish":
            lifecycle.publish(microcredential, actor=actor)
    except lifecycle.IncompleteMicroCredential as exc:
        raise TaggingErrors({name: [message] for name, message in exc.errors.items()}) from None
    except lifecycle.LifecycleError as exc:
        raise TaggingErrors({"__all__": [str(exc)]}) from None

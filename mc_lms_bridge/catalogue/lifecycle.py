"""Version lifecycle of micro-credentials: create, edit (new version when published), submit, publish, retire."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from .. import audit
from ..models import LearningOutcome, MicroCredential, MicroCredentialVersion, Organisation, Status
from ..models.microcredential import CONTENT_FIELDS
from .completeness import VersionFacts, publication_errors


class LifecycleError(Exception):
    """A lifecycle transition that is not allowed from the current state."""

    def __init__(self, message: str, code: str = "invalid_transition"):
        super().__init__(message)
        self.code = code


class IncompleteMicroCredential(Exception):
    """Submit/publish refused: some EU standard elements are missing or invalid ({field: message})."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("The micro-credential cannot be published yet: " + " ".join(errors.values()))
        self.errors = errors


def facts_of(version: MicroCredentialVersion) -> VersionFacts:
    return VersionFacts(
        title=version.title, languages=version.languages or [],
        awarding_body_count=version.awarding_bodies.count(),
        learning_outcome_count=version.learning_outcomes.count(),
        ects_credits=version.ects_credits, workload_hours=version.workload_hours,
        eqf_level=version.eqf_level, nqf_level=version.nqf_level, qf_ehea_cycle=version.qf_ehea_cycle,
        assessment_type=version.assessment_type, participation_mode=version.participation_mode,
        learning_setting=version.learning_setting, qa_type=version.qa_type,
        issuer_country=version.microcredential.organisation.country,
    )


#: Fields whose values from before they were vocabulary-checked (free-text NQF levels) stay valid while unchanged.
LEGACY_TOLERANT_FIELDS = ("nqf_level",)


def _set_content(version, content: dict[str, Any], outcomes, awarding_bodies) -> None:
    for field, value in content.items():
        if field not in CONTENT_FIELDS:
            raise LifecycleError(f"{field!r} is not an editable element of a micro-credential.", "unknown_field")
        setattr(version, field, value)
    carried_over = [field for field in LEGACY_TOLERANT_FIELDS if field not in content]
    version.full_clean(exclude=["microcredential", *carried_over])
    version.save()
    if outcomes is not None:
        _replace_outcomes(version, outcomes)
    if awarding_bodies is not None:
        version.awarding_bodies.set(awarding_bodies)


def _replace_outcomes(version, outcomes: Sequence[dict]) -> None:
    version.learning_outcomes.all().delete()
    rows = []
    for position, outcome in enumerate(outcomes, start=1):
        row = LearningOutcome(version=version, position=position, text=outcome["text"],
                              esco_skill_uri=outcome.get("esco_skill_uri", ""))
        row.full_clean(exclude=["version"])
        rows.append(row)
    LearningOutcome.objects.bulk_create(rows)


@transaction.atomic
def create_microcredential(*, organisation: Organisation, slug: str, content: dict, outcomes: Sequence[dict] = (),
                           awarding_bodies: Iterable[Organisation] | None = None,
                           actor: audit.Actor = audit.SYSTEM) -> MicroCredentialVersion:
    """Create a micro-credential with version 1 as a draft; the awarding body defaults to the organisation."""
    microcredential = MicroCredential(organisation=organisation, slug=slug)
    microcredential.full_clean()
    microcredential.save()
    version = MicroCredentialVersion(microcredential=microcredential, version=1, created_by=actor.user)
    bodies = list(awarding_bodies) if awarding_bodies is not None else [organisation]
    _set_content(version, content, list(outcomes), bodies)
    audit.record(actor, "create", microcredential, changes={"version": 1, **_jsonable(content)})
    return version


def _jsonable(content: dict) -> dict:
    return {key: (str(value) if value is not None and not isinstance(value, (str, int, list, dict, bool))
                  else value) for key, value in content.items()}


@transaction.atomic
def edit(microcredential: MicroCredential, *, content: dict, outcomes: Sequence[dict] | None = None,
         awarding_bodies: Iterable[Organisation] | None = None,
         actor: audit.Actor = audit.SYSTEM) -> MicroCredentialVersion:
    """Edit the draft; when only a published/retired version exists, start a new draft version from it."""
    MicroCredential.objects.select_for_update().get(pk=microcredential.pk)
    version = microcredential.working_version()
    if version is not None and version.status == Status.IN_REVIEW:
        raise LifecycleError(
            f"Version {version.version} is in review; withdraw it to draft before editing.", "in_review")
    if version is None:
        version = _new_draft_from(microcredential.latest_version(), actor)
    _set_content(version, content, outcomes, list(awarding_bodies) if awarding_bodies is not None else None)
    audit.record(actor, "edit", microcredential, changes={"version": version.version, **_jsonable(content)})
    return version


def _new_draft_from(source: MicroCredentialVersion, actor: audit.Actor) -> MicroCredentialVersion:
    draft = MicroCredentialVersion(microcredential=source.microcredential, version=source.version + 1,
                                   created_by=actor.user)
    for field in CONTENT_FIELDS:
        setattr(draft, field, getattr(source, field))
    draft.save()
    draft.awarding_bodies.set(source.awarding_bodies.all())
    LearningOutcome.objects.bulk_create(
        LearningOutcome(version=draft, position=o.position, text=o.text, esco_skill_uri=o.esco_skill_uri)
        for o in source.learning_outcomes.all())
    return draft


def _locked_working_version(microcredential: MicroCredential, expected: str) -> MicroCredentialVersion:
    MicroCredential.objects.select_for_update().get(pk=microcredential.pk)
    version = microcredential.versions.filter(status=expected).first()
    if version is None:
        state = ", ".join(sorted(set(microcredential.versions.values_list("status", flat=True)))) or "none"
        raise LifecycleError(
            f"No version is {Status(expected).label.lower()} (versions are: {state}).", "invalid_transition")
    return version


def ensure_complete(version: MicroCredentialVersion) -> None:
    errors = publication_errors(facts_of(version))
    if errors:
        raise IncompleteMicroCredential(errors)


@transaction.atomic
def submit_for_review(microcredential: MicroCredential, *, actor: audit.Actor = audit.SYSTEM):
    """draft -> in review, only when every mandatory element is present."""
    version = _locked_working_version(microcredential, Status.DRAFT)
    ensure_complete(version)
    version.status, version.submitted_at = Status.IN_REVIEW, timezone.now()
    version.save(update_fields=["status", "submitted_at", "updated_at"])
    audit.record(actor, "submit", microcredential, changes={"version": version.version})
    return version


@transaction.atomic
def withdraw(microcredential: MicroCredential, *, actor: audit.Actor = audit.SYSTEM, reason: str = ""):
    """in review -> draft (review asked for changes)."""
    version = _locked_working_version(microcredential, Status.IN_REVIEW)
    version.status = Status.DRAFT
    version.save(update_fields=["status", "updated_at"])
    audit.record(actor, "withdraw", microcredential, changes={"version": version.version}, reason=reason)
    return version


@transaction.atomic
def publish(microcredential: MicroCredential, *, actor: audit.Actor = audit.SYSTEM):
    """in review -> published; the previously published version is retired (its awards stay untouched)."""
    version = _locked_working_version(microcredential, Status.IN_REVIEW)
    ensure_complete(version)
    now = timezone.now()
    previous = microcredential.versions.filter(status=Status.PUBLISHED).first()
    if previous is not None:
        previous.status, previous.retired_at = Status.RETIRED, now
        previous.save(update_fields=["status", "retired_at", "updated_at"])
    version.status, version.published_at = Status.PUBLISHED, now
    version.save(update_fields=["status", "published_at", "updated_at"])
    audit.record(actor, "publish", microcredential, changes={
        "version": version.version, "retired_version": previous.version if previous else None})
    return version


@transaction.atomic
def retire(microcredential: MicroCredential, *, actor: audit.Actor = audit.SYSTEM, reason: str = ""):
    """published -> retired: no new awards; issued credentials stay valid."""
    version = _locked_working_version(microcredential, Status.PUBLISHED)
    version.status, version.retired_at = Status.RETIRED, timezone.now()
    version.save(update_fields=["status", "retired_at", "updated_at"])
    audit.record(actor, "retire", microcredential, changes={"version": version.version}, reason=reason)
    return version

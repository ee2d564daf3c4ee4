"""Micro-credential catalogue: the micro-credential, its immutable published versions and learning outcomes."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from .fields import LanguageMapField, vocabulary_field, vocabulary_list_field
from .organisation import Organisation, slug_validator

ESCO_SKILL_RE = r"^http://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class QfEheaCycle(models.TextChoices):
    SHORT = "short", "Short cycle"
    FIRST = "first", "First cycle (bachelor)"
    SECOND = "second", "Second cycle (master)"
    THIRD = "third", "Third cycle (doctorate)"


class Stackability(models.TextChoices):
    STANDALONE = "standalone", "Stand-alone"
    STACKABLE = "stackable", "Stackable into larger credentials"


#: Fields of a version that carry EU standard elements; a published version never changes them.
CONTENT_FIELDS = (
    "title", "description", "languages", "ects_credits", "workload_hours", "eqf_level", "nqf_level",
    "isced_f_codes", "qf_ehea_cycle", "assessment_type", "assessment_description", "participation_mode",
    "learning_setting", "qa_type", "qa_body", "qa_url", "prerequisites", "supervision", "grading_scheme",
    "stackability", "further_information", "homepage", "valid_for_days",
)


class ReversalPolicy(models.TextChoices):
    IGNORE = "ignore", "Ignore (keep the credential)"
    SUSPEND = "suspend", "Suspend the credential"
    REVOKE = "revoke", "Revoke the credential"


def validate_badge_template(value: str) -> None:
    """The name of a shipped badge design."""
    from django.core.exceptions import ValidationError

    from ..badges import TEMPLATE_NAMES

    if value not in TEMPLATE_NAMES:
        raise ValidationError(f"{value!r} is not a badge design; choose one of {', '.join(TEMPLATE_NAMES)}.")


class ImmutableVersionError(Exception):
    """Raised when code tries to change the content of a version that has left the draft state."""


class MicroCredential(models.Model):
    """The lasting identity of a micro-credential; its content lives in numbered versions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="microcredentials",
        help_text="The issuing organisation that owns this catalogue entry.")
    slug = models.CharField(max_length=64, validators=[slug_validator])
    badge_template = models.CharField(
        max_length=20, default="ribbon", validators=[validate_badge_template],
        help_text="Badge design (one of badge_templates/: ribbon, shield, circle).")
    badge_primary_colour = models.CharField(max_length=7, default="#1f4e79",
                                            validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use #rrggbb.")])
    badge_secondary_colour = models.CharField(max_length=7, default="#f2c14e",
                                              validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use #rrggbb.")])
    reversal_policy = models.CharField(
        max_length=8, choices=ReversalPolicy.choices, default=ReversalPolicy.IGNORE,
        help_text="What a later failing grade or revoked certificate does to an issued credential.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="uniq_mc_slug_per_org")]
        ordering = ["organisation__slug", "slug"]

    def __str__(self) -> str:
        return f"{self.organisation.slug}/{self.slug}"

    def badge_style(self):
        """The instructor's badge design and colours (also used for the Europass certificate page)."""
        from ..badges import BadgeStyle

        return BadgeStyle(template=self.badge_template, primary=self.badge_primary_colour,
                          secondary=self.badge_secondary_colour)

    def published_version(self):
        return self.versions.filter(status=Status.PUBLISHED).first()

    def working_version(self):
        """The draft or in-review version, if any."""
        return self.versions.filter(status__in=[Status.DRAFT, Status.IN_REVIEW]).first()

    def latest_version(self):
        return self.versions.order_by("-version").first()


class MicroCredentialVersion(models.Model):
    """One version of a micro-credential: every EU standard element (Council Recommendation 2022, Annex I)."""

    microcredential = models.ForeignKey(MicroCredential, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)

    title = LanguageMapField(required=True, max_text_length=300)
    description = LanguageMapField(max_text_length=5000)
    languages = models.JSONField(default=list, blank=True, help_text="ISO 639-1 codes of instruction.")
    awarding_bodies = models.ManyToManyField(Organisation, related_name="awarded_versions", blank=True)
    ects_credits = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(999)])
    workload_hours = models.PositiveIntegerField(null=True, blank=True, validators=[MaxValueValidator(30000)])
    eqf_level = vocabulary_field("eqf", blank=True, max_length=1)
    nqf_level = vocabulary_field(
        "nqf", blank=True,
        help_text="QDR concept code of the national framework level, e.g. c_c392e7a2 (RQF Level 6); "
                  "see /api/v1/vocabularies/nqf/. Older free-text values are kept but not exported to EDC.")
    isced_f_codes = vocabulary_list_field(
        "isced_f", help_text="ISCED-F 2013 field(s) of education, e.g. [\"0613\"]; see /api/v1/vocabularies/isced_f/.")
    qf_ehea_cycle = models.CharField(max_length=8, choices=QfEheaCycle.choices, blank=True)
    assessment_type = vocabulary_field("assessment_type", blank=True)
    assessment_description = LanguageMapField(max_text_length=2000)
    participation_mode = vocabulary_field("participation_mode", blank=True)
    learning_setting = vocabulary_field("learning_setting", blank=True)
    qa_type = vocabulary_field("qa_type", blank=True)
    qa_body = models.CharField(max_length=300, blank=True)
    qa_url = models.URLField(blank=True)
    prerequisites = LanguageMapField(max_text_length=2000)
    supervision = vocabulary_field("supervision", blank=True)
    grading_scheme = LanguageMapField(max_text_length=2000)
    stackability = models.CharField(max_length=16, choices=Stackability.choices, default=Stackability.STANDALONE)
    further_information = LanguageMapField(max_text_length=5000)
    homepage = models.URLField(blank=True)
    valid_for_days = models.PositiveIntegerField(null=True, blank=True, validators=[MinValueValidator(1)])

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        app_label = "mc_lms_bridge"
        ordering = ["microcredential", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["microcredential", "version"], name="uniq_mc_version_number"),
            models.UniqueConstraint(
                fields=["microcredential"], condition=models.Q(status__in=["draft", "in_review"]),
                name="one_working_version_per_mc"),
            models.UniqueConstraint(
                fields=["microcredential"], condition=models.Q(status="published"),
                name="one_published_version_per_mc"),
        ]

    def __str__(self) -> str:
        return f"{self.microcredential} v{self.version} ({self.status})"

    def save(self, *args, **kwargs):
        if self.pk and not self._state.adding:
            self._refuse_content_change(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        return self.status == Status.DRAFT

    def _refuse_content_change(self, update_fields) -> None:
        stored = type(self).objects.filter(pk=self.pk).values("status", *CONTENT_FIELDS).first()
        if stored is None or stored["status"] == Status.DRAFT:
            return
        fields = CONTENT_FIELDS if update_fields is None else [f for f in update_fields if f in CONTENT_FIELDS]
        changed = [f for f in fields if stored[f] != getattr(self, f)]
        if changed:
            raise ImmutableVersionError(
                f"Version {self.version} is {stored['status']}; its content cannot change "
                f"(tried: {', '.join(changed)}). Create a new version instead.")


class LearningOutcome(models.Model):
    """One learning outcome of a version, in order, optionally aligned to an ESCO skill."""

    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.CASCADE, related_name="learning_outcomes")
    position = models.PositiveSmallIntegerField()
    text = LanguageMapField(required=True, max_text_length=1000)
    esco_skill_uri = models.CharField(
        max_length=120, blank=True,
        validators=[RegexValidator(ESCO_SKILL_RE, "Expected an ESCO skill URI: http://data.europa.eu/esco/skill/<uuid>.")])

    class Meta:
        app_label = "mc_lms_bridge"
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="uniq_outcome_position")]

    def __str__(self) -> str:
        texts = self.text or {}
        return texts.get("en") or next(iter(texts.values()), "")

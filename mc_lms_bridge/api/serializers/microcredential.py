"""Serializers of micro-credentials: a version's EU standard elements, outcomes and awarding bodies."""

from __future__ import annotations

from rest_framework import serializers

from ...conf import app_settings
from ...models import LearningOutcome, MicroCredential, MicroCredentialVersion, Organisation
from ...models.microcredential import ESCO_SKILL_RE, QfEheaCycle, Stackability
from .base import LanguageMapField, StrictSerializerMixin, VocabularyField


class LearningOutcomeSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    text = LanguageMapField(max_text_length=1000, required_text=True)
    esco_skill_uri = serializers.RegexField(
        ESCO_SKILL_RE, required=False, allow_blank=True, max_length=120,
        error_messages={"invalid": "Expected an ESCO skill URI: http://data.europa.eu/esco/skill/<uuid>."})

    class Meta:
        model = LearningOutcome
        fields = ["text", "esco_skill_uri"]


class VersionContentSerializer(StrictSerializerMixin, serializers.Serializer):
    """The editable EU standard elements of a micro-credential version (all optional on PATCH)."""

    title = LanguageMapField(max_text_length=300, required_text=True, required=False)
    description = LanguageMapField(max_text_length=5000, required=False)
    languages = serializers.ListField(child=VocabularyField("language", allow_blank=False), required=False,
                                      max_length=24)
    awarding_bodies = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), many=True, required=False)
    learning_outcomes = LearningOutcomeSerializer(many=True, required=False)
    ects_credits = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=999,
                                            allow_null=True, required=False)
    workload_hours = serializers.IntegerField(min_value=1, max_value=30000, allow_null=True, required=False)
    eqf_level = VocabularyField("eqf", required=False)
    nqf_level = VocabularyField("nqf", required=False)
    isced_f_codes = serializers.ListField(child=VocabularyField("isced_f", allow_blank=False), required=False,
                                          max_length=20)
    qf_ehea_cycle = serializers.ChoiceField(QfEheaCycle.choices, allow_blank=True, required=False)
    assessment_type = VocabularyField("assessment_type", required=False)
    assessment_description = LanguageMapField(required=False)
    participation_mode = VocabularyField("participation_mode", required=False)
    learning_setting = VocabularyField("learning_setting", required=False)
    qa_type = VocabularyField("qa_type", required=False)
    qa_body = serializers.CharField(max_length=300, allow_blank=True, required=False)
    qa_url = serializers.URLField(allow_blank=True, required=False)
    prerequisites = LanguageMapField(required=False)
    supervision = VocabularyField("supervision", required=False)
    grading_scheme = LanguageMapField(required=False)
    stackability = serializers.ChoiceField(Stackability.choices, required=False)
    further_information = LanguageMapField(max_text_length=5000, required=False)
    homepage = serializers.URLField(allow_blank=True, required=False)
    valid_for_days = serializers.IntegerField(min_value=1, max_value=36500, allow_null=True, required=False)

    def validate_learning_outcomes(self, value):
        limit = app_settings.MAX_LEARNING_OUTCOMES
        if len(value) > limit:
            raise serializers.ValidationError(f"At most {limit} learning outcomes are allowed.")
        return value

    def validate_languages(self, value):
        if len(set(value)) != len(value):
            raise serializers.ValidationError("A language is listed twice.")
        return value

    def validate_isced_f_codes(self, value):
        twice = sorted({code for code in value if value.count(code) > 1})
        if twice:
            raise serializers.ValidationError(f'The field of education "{twice[0]}" is listed twice.')
        return value

    def split(self) -> tuple[dict, list | None, list | None]:
        """Return (content fields, outcomes or None, awarding bodies or None) from validated data."""
        data = dict(self.validated_data)
        outcomes = data.pop("learning_outcomes", None)
        bodies = data.pop("awarding_bodies", None)
        return data, outcomes, bodies


class MicroCredentialCreateSerializer(VersionContentSerializer):
    """Create: the slug and (for staff) the owning organisation, plus any elements."""

    slug = serializers.RegexField(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", max_length=64, error_messages={
        "invalid": "Use 1-64 lowercase letters, digits and hyphens, not starting or ending with a hyphen."})
    organisation = serializers.SlugRelatedField(slug_field="slug", queryset=Organisation.objects.all(),
                                                required=False)
    title = LanguageMapField(max_text_length=300, required_text=True)


class VersionSerializer(serializers.ModelSerializer):
    """Read representation of one version with every element."""

    awarding_bodies = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    learning_outcomes = LearningOutcomeSerializer(many=True, read_only=True)
    isced_f_codes = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = MicroCredentialVersion
        fields = ["version", "status", "title", "description", "languages", "awarding_bodies",
                  "learning_outcomes", "ects_credits", "workload_hours", "eqf_level", "nqf_level",
                  "isced_f_codes", "qf_ehea_cycle", "assessment_type", "assessment_description",
                  "participation_mode", "learning_setting", "qa_type", "qa_body", "qa_url", "prerequisites",
                  "supervision", "grading_scheme", "stackability", "further_information", "homepage",
                  "valid_for_days", "created_at", "updated_at", "submitted_at", "published_at", "retired_at"]
        read_only_fields = fields


class MicroCredentialSerializer(serializers.ModelSerializer):
    """A micro-credential with its newest version inlined and the number of its published version."""

    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    current = serializers.SerializerMethodField()
    published_version = serializers.SerializerMethodField()
    badge = serializers.SerializerMethodField()

    class Meta:
        model = MicroCredential
        fields = ["id", "organisation", "slug", "published_version", "badge", "current", "created_at"]
        read_only_fields = fields

    def get_current(self, obj) -> dict:
        return VersionSerializer(obj.latest_version()).data

    def get_badge(self, obj) -> dict:
        return {"template": obj.badge_template, "primary_colour": obj.badge_primary_colour,
                "secondary_colour": obj.badge_secondary_colour}

    def get_published_version(self, obj) -> int | None:
        published = obj.published_version()
        return published.version if published else None


class BadgeStyleSerializer(StrictSerializerMixin, serializers.Serializer):
    """The instructor's choice of badge design and colours."""

    template = serializers.ChoiceField(choices=[])
    primary_colour = serializers.RegexField(r"^#[0-9a-fA-F]{6}$", required=False,
                                            error_messages={"invalid": "Use a colour as #rrggbb."})
    secondary_colour = serializers.RegexField(r"^#[0-9a-fA-F]{6}$", required=False,
                                              error_messages={"invalid": "Use a colour as #rrggbb."})

    def __init__(self, *args, **kwargs):
        from ...badges import TEMPLATE_NAMES

        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(name, name) for name in TEMPLATE_NAMES]


class ReasonSerializer(StrictSerializerMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)

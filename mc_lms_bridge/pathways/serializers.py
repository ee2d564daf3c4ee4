"""API serializers of pathways, recognition rules and recognitions."""

from __future__ import annotations

from rest_framework import serializers

from ..models import Pathway, PathwayRevocationPolicy, Recognition, RecognitionDecision, RecognitionRule


class PathwaySerializer(serializers.ModelSerializer):
    """A pathway as the API shows it; ``rule`` is the JSON tree (see docs/pathways.md)."""

    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    microcredential = serializers.UUIDField(source="microcredential_id", allow_null=True, required=False)
    components = serializers.SerializerMethodField()

    class Meta:
        model = Pathway
        fields = ["id", "organisation", "slug", "title", "description", "rule", "microcredential",
                  "revocation_policy", "active", "components", "created_at", "updated_at"]
        read_only_fields = ["id", "organisation", "components", "created_at", "updated_at"]

    def get_components(self, pathway: Pathway) -> list[str]:
        return sorted(str(pk) for pk in pathway.components.values_list("pk", flat=True))


class PathwayWriteSerializer(serializers.Serializer):
    """Fields a client may set; the rule itself is checked by the pathway definition service."""

    slug = serializers.CharField(max_length=64)
    title = serializers.DictField(child=serializers.CharField(max_length=300))
    description = serializers.DictField(child=serializers.CharField(max_length=5000), required=False)
    rule = serializers.JSONField()
    microcredential = serializers.UUIDField(allow_null=True, required=False)
    revocation_policy = serializers.ChoiceField(PathwayRevocationPolicy.choices, required=False)
    active = serializers.BooleanField(required=False)


class RecognitionRuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = RecognitionRule
        fields = ["id", "name", "trusted_issuers", "achievement_id", "alignment_url", "min_ects", "min_eqf",
                  "active", "created_at"]
        read_only_fields = ["id", "created_at"]

    def validate_trusted_issuers(self, value):
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise serializers.ValidationError("List at least one issuer DID or URL.")
        return value

    def validate(self, attrs):
        if not attrs.get("achievement_id") and not attrs.get("alignment_url"):
            raise serializers.ValidationError({"achievement_id": ["Give an achievement id or an alignment URL."]})
        return attrs


class RecognitionSerializer(serializers.ModelSerializer):
    learner = serializers.UUIDField(source="learner_id", read_only=True)

    class Meta:
        model = Recognition
        fields = ["id", "learner", "credential_id", "issuer", "achievement_id", "title", "ects", "eqf",
                  "alignments", "decision", "reason", "rule", "verification", "reviewed_at", "created_at"]
        read_only_fields = fields


class RecognitionSubmitSerializer(serializers.Serializer):
    learner = serializers.UUIDField()
    credential = serializers.JSONField(help_text="The OB3 credential: a JSON object (Data Integrity) or a VC-JWT.")

    def validate_credential(self, value):
        if not isinstance(value, dict | str) or not value:
            raise serializers.ValidationError("Send the credential as a JSON object or a compact VC-JWT string.")
        return value


class ReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(RecognitionDecision.choices)
    reason = serializers.CharField(max_length=2000)

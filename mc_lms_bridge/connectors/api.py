"""REST connector: a SIS or any LMS reports completions; the organisation's token names the platform instance."""

from __future__ import annotations

import re

from django.utils import timezone
from rest_framework import serializers

from ..api.serializers.base import StrictSerializerMixin
from .base import CompletionKind, LearnerIdentity, NormalizedCompletion

IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY_RE = re.compile(r"^[A-Za-z0-9._:\-]{8,200}$")
IDEMPOTENCY_KEY_RULE = "8-200 characters (letters, digits, . _ : -)"
BATCH_MAX = 500


class ApiLearnerSerializer(StrictSerializerMixin, serializers.Serializer):
    id = serializers.CharField(max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True)
    email_verified = serializers.BooleanField(required=False, default=False)
    given_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    family_name = serializers.CharField(max_length=150, required=False, allow_blank=True)


class ApiCompletionSerializer(StrictSerializerMixin, serializers.Serializer):
    course_id = serializers.CharField(max_length=255)
    learner = ApiLearnerSerializer()
    kind = serializers.ChoiceField(CompletionKind.ALL)
    grade = serializers.DecimalField(max_digits=7, decimal_places=6, min_value=0, max_value=1, required=False,
                                     allow_null=True)
    occurred_at = serializers.DateTimeField(required=False)


class ApiBatchCompletionSerializer(ApiCompletionSerializer):
    """One completion of a batch: the same fields plus its own idempotency key."""

    idempotency_key = serializers.RegexField(IDEMPOTENCY_KEY_RE, error_messages={
        "invalid": f"An idempotency key has {IDEMPOTENCY_KEY_RULE}."})


class ApiCompletionBatchSerializer(StrictSerializerMixin, serializers.Serializer):
    completions = ApiBatchCompletionSerializer(many=True, allow_empty=False, max_length=BATCH_MAX)

    def validate_completions(self, items):
        keys = [item["idempotency_key"] for item in items]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise serializers.ValidationError(
                f"Each completion of a batch needs its own idempotency_key; repeated: {', '.join(repeated[:5])}.")
        return items


def normalize(data: dict, *, organisation_slug: str, idempotency_key: str, raw: dict) -> NormalizedCompletion:
    """Validated API data -> NormalizedCompletion (platform "api", instance = the token's organisation)."""
    learner = data["learner"]
    return NormalizedCompletion(
        platform="api", platform_instance=organisation_slug, source_event_id=idempotency_key,
        course_id=data["course_id"], kind=data["kind"], grade=data.get("grade"),
        occurred_at=data.get("occurred_at") or timezone.now(), raw=raw,
        learner=LearnerIdentity(user_id=learner["id"], email=learner.get("email", ""),
                                email_verified=learner.get("email_verified", False),
                                given_name=learner.get("given_name", ""), family_name=learner.get("family_name", "")))

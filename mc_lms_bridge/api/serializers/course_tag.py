"""Serializer of course tags: an LMS course leading to a micro-credential, with its completion rule."""

from __future__ import annotations

from rest_framework import serializers

from ...models import CompletionRule, CourseTag, MicroCredential
from .base import StrictSerializerMixin


class CourseTagSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    microcredential = serializers.PrimaryKeyRelatedField(queryset=MicroCredential.objects.none())
    min_grade = serializers.DecimalField(max_digits=5, decimal_places=4, min_value=0, max_value=1,
                                         allow_null=True, required=False)

    class Meta:
        model = CourseTag
        fields = ["id", "microcredential", "platform", "platform_instance", "course_id", "rule", "min_grade",
                  "active", "created_at"]
        read_only_fields = ["id", "created_at"]

    def __init__(self, *args, microcredentials=None, **kwargs):
        super().__init__(*args, **kwargs)
        if microcredentials is not None:
            self.fields["microcredential"].queryset = microcredentials

    def validate(self, attrs):
        rule = attrs.get("rule", getattr(self.instance, "rule", CompletionRule.PASSED))
        min_grade = attrs.get("min_grade", getattr(self.instance, "min_grade", None))
        if rule == CompletionRule.MIN_GRADE and min_grade is None:
            raise serializers.ValidationError({"min_grade": ["The min_grade rule needs a minimum grade (0-1)."]})
        if rule != CompletionRule.MIN_GRADE and min_grade is not None:
            raise serializers.ValidationError({"min_grade": ["A minimum grade only applies to the min_grade rule."]})
        key = {name: attrs.get(name, getattr(self.instance, name, None))
               for name in ("platform", "platform_instance", "course_id", "microcredential")}
        duplicates = CourseTag.objects.filter(**key)
        if self.instance is not None:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise serializers.ValidationError(
                {"course_id": ["This course is already tagged with this micro-credential."]})
        return attrs

"""Serializer of organisations (issuers and awarding bodies)."""

from __future__ import annotations

from rest_framework import serializers

from ...models import Organisation
from .base import LanguageMapField, StrictSerializerMixin, VocabularyField


class OrganisationSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    legal_name = LanguageMapField(max_text_length=300, required_text=True)
    country = VocabularyField("country", allow_blank=False)

    class Meta:
        model = Organisation
        fields = ["id", "slug", "legal_name", "legal_identifier", "country", "region", "homepage", "email",
                  "logo_url", "linkedin_organization_id", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

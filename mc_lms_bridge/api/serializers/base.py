"""Serializer building blocks: unknown fields refused, language maps and vocabulary codes validated."""

from __future__ import annotations

from rest_framework import serializers

from ... import vocab
from ...models.fields import LanguageMapValidator


class StrictSerializerMixin:
    """Refuse fields the resource does not have, instead of silently ignoring them."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Unknown field; see the API schema for the fields of this resource."]
                     for name in unknown})
        return super().to_internal_value(data)


class LanguageMapField(serializers.JSONField):
    """Multilingual text: an object of ISO 639-1 language code -> non-empty text."""

    def __init__(self, *, max_text_length: int = 2000, required_text: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(LanguageMapValidator(max_text_length, required_text))


class VocabularyField(serializers.ChoiceField):
    """A code of an EU controlled vocabulary (choices published in the OpenAPI schema)."""

    def __init__(self, vocabulary_name: str, **kwargs):
        self.vocabulary_name = vocabulary_name
        kwargs.setdefault("allow_blank", True)
        super().__init__(choices=vocab.get(vocabulary_name).choices(), **kwargs)
        self.error_messages["invalid_choice"] = (
            f'"{{input}}" is not a code of the {vocabulary_name} vocabulary; '
            f"see GET /api/v1/vocabularies/{vocabulary_name}/ for the codes.")

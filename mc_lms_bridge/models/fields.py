"""Shared model fields and validators: language maps (multilingual text) and vocabulary-coded fields."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2}$")


@deconstructible
class LanguageMapValidator:
    """Validate ``{"en": "text", ...}``: ISO 639-1 keys known to the EU language table, non-blank strings."""

    def __init__(self, max_length: int = 2000, required: bool = False):
        self.max_length = max_length
        self.required = required

    def __call__(self, value):
        from mc_lms_bridge import vocab

        if value in (None, {}):
            if self.required:
                raise ValidationError("Give the text in at least one language.", code="required")
            return
        if not isinstance(value, dict):
            raise ValidationError(
                'Expected an object of language code to text, e.g. {"en": "..."}.', code="invalid_language_map")
        languages = vocab.get("language")
        for lang, text in value.items():
            if not isinstance(lang, str) or not LANGUAGE_CODE_RE.match(lang) or lang not in languages:
                raise ValidationError(
                    f"{lang!r} is not an ISO 639-1 language code of the EU language table.", code="unknown_language")
            if not isinstance(text, str) or not text.strip():
                raise ValidationError(f"The {lang!r} text must be a non-empty string.", code="blank_text")
            if len(text) > self.max_length:
                raise ValidationError(
                    f"The {lang!r} text has {len(text)} characters; at most {self.max_length} are allowed.",
                    code="too_long")

    def __eq__(self, other):
        return (isinstance(other, LanguageMapValidator) and other.max_length == self.max_length
                and other.required == self.required)


class LanguageMapField(models.JSONField):
    """Multilingual text stored as a JSON object of ISO 639-1 code -> text."""

    def __init__(self, *args, max_text_length: int = 2000, required: bool = False, **kwargs):
        self.max_text_length = max_text_length
        self.required = required
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", not required)
        super().__init__(*args, **kwargs)
        self.validators.append(LanguageMapValidator(max_text_length, required))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        if self.max_text_length != 2000:
            kwargs["max_text_length"] = self.max_text_length
        if self.required:
            kwargs["required"] = True
            kwargs.pop("blank", None)
        return name, path, args, kwargs


def vocabulary_field(name: str, *, blank: bool = False, max_length: int = 40, **kwargs) -> models.CharField:
    """A CharField holding a code of an EU controlled vocabulary, validated against it."""
    from mc_lms_bridge.vocab.validators import VocabularyValidator

    return models.CharField(max_length=max_length, blank=blank, validators=[VocabularyValidator(name)], **kwargs)


def vocabulary_list_field(name: str, *, max_items: int = 20, **kwargs) -> models.JSONField:
    """A JSON list of distinct codes of an EU controlled vocabulary (empty by default), validated against it."""
    from mc_lms_bridge.vocab.validators import VocabularyListValidator

    kwargs.setdefault("default", list)
    kwargs.setdefault("blank", True)
    return models.JSONField(validators=[VocabularyListValidator(name, max_items)], **kwargs)

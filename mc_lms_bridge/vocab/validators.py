"""Django field validator and choices helper backed by the controlled vocabularies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

from .registry import get

UNKNOWN_CONCEPT_CODE = "unknown_concept"


@deconstructible
class VocabularyValidator:
    """Reject values that are not codes of the named vocabulary (serialisable in migrations)."""

    message = "%(value)r is not a code of the %(vocabulary)s vocabulary (valid codes include: %(examples)s)."
    code = UNKNOWN_CONCEPT_CODE

    def __init__(self, name: str) -> None:
        get(name)  # fail fast on an unknown vocabulary name
        self.name = name

    def __call__(self, value: object) -> None:
        vocabulary = get(self.name)
        if value not in vocabulary:
            params = {"value": value, "vocabulary": self.name, "examples": ", ".join(vocabulary.codes()[:5])}
            raise ValidationError(self.message, code=self.code, params=params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, VocabularyValidator) and other.name == self.name

    def __hash__(self) -> int:
        return hash((VocabularyValidator, self.name))


def vocabulary_choices(name: str) -> list[tuple[str, str]]:
    """Return Django-style ``[(code, English label), ...]`` choices for the named vocabulary."""
    return get(name).choices()

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

    def check_each(self, values: list) -> None:
        """Validate every value of a list (the message names the first value that is not a code)."""
        for value in values:
            self(value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, VocabularyValidator) and other.name == self.name

    def __hash__(self) -> int:
        return hash((VocabularyValidator, self.name))


@deconstructible
class VocabularyListValidator:
    """Accept a list of distinct codes of the named vocabulary (at most ``max_items``); name the first bad one."""

    code = UNKNOWN_CONCEPT_CODE

    def __init__(self, name: str, max_items: int = 20) -> None:
        get(name)  # fail fast on an unknown vocabulary name
        self.name = name
        self.max_items = max_items

    def __call__(self, value: object) -> None:
        if not isinstance(value, list):
            raise ValidationError(f"Expected a list of {self.name} codes.", code="invalid_list")
        if len(value) > self.max_items:
            raise ValidationError(f"At most {self.max_items} {self.name} codes are allowed.", code="too_many")
        if any(not isinstance(code, str) for code in value):
            raise ValidationError(f"Each {self.name} code is a string.", code="invalid_list")
        VocabularyValidator(self.name).check_each(value)
        duplicates = sorted({code for code in value if value.count(code) > 1})
        if duplicates:
            raise ValidationError(f"{duplicates[0]!r} is listed twice.", code="duplicate")

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, VocabularyListValidator) and other.name == self.name
                and other.max_items == self.max_items)

    def __hash__(self) -> int:
        return hash((VocabularyListValidator, self.name, self.max_items))


def vocabulary_choices(name: str) -> list[tuple[str, str]]:
    """Return Django-style ``[(code, English label), ...]`` choices for the named vocabulary."""
    return get(name).choices()

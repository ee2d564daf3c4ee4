"""Exceptions raised by the controlled-vocabulary lookups."""

from __future__ import annotations

from collections.abc import Sequence

EXAMPLE_CODE_COUNT = 5


class VocabularyError(ValueError):
    """Base class of every vocabulary lookup error."""


class UnknownVocabulary(VocabularyError, KeyError):
    """Raised when a vocabulary name is not one of ``vocab.NAMES``."""

    def __init__(self, name: object, known_names: Sequence[str]) -> None:
        self.name = name
        message = f"Unknown vocabulary {name!r}; known vocabularies are: {', '.join(known_names)}."
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0])


class UnknownConcept(VocabularyError):
    """Raised when a code or concept URI is not in the vocabulary being asked."""

    def __init__(
        self, vocabulary: str, value: object, valid_codes: Sequence[str], *, as_uri: bool = False
    ) -> None:
        self.vocabulary = vocabulary
        self.value = value
        examples = ", ".join(valid_codes[:EXAMPLE_CODE_COUNT])
        what = "concept URI" if as_uri else "code"
        message = (
            f"{value!r} is not a {what} of the {vocabulary!r} vocabulary; "
            f"valid codes include: {examples}."
        )
        super().__init__(message)

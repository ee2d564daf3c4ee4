"""The Vocabulary lookup object: code <-> official URI for one concept scheme."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .concept import DEFAULT_LANGUAGE, Concept
from .errors import UnknownConcept


def normalise_code(value: object) -> object:
    """Let integer codes (EQF levels) be given as ``int``; everything else is returned unchanged."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class Vocabulary:
    """An ordered, immutable controlled vocabulary with lookups in both directions."""

    def __init__(self, name: str, scheme_uri: str, concepts: Iterable[Concept]) -> None:
        self.name = name
        self.scheme_uri = scheme_uri
        self._concepts = tuple(concepts)
        self._by_code = {concept.code: concept for concept in self._concepts}
        self._by_uri = {concept.uri: concept for concept in self._concepts}
        if len(self._by_code) != len(self._concepts) or len(self._by_uri) != len(self._concepts):
            raise ValueError(f"Vocabulary {name!r} has duplicate codes or URIs.")

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Vocabulary:
        """Build a vocabulary from its package-data JSON object (name, scheme_uri, concepts)."""
        concepts = (Concept(item["code"], item["uri"], item["labels"]) for item in payload["concepts"])
        return cls(payload["name"], payload["scheme_uri"], concepts)

    def concept(self, code: object) -> Concept:
        """Return the concept with this code, or raise UnknownConcept."""
        found = self._by_code.get(normalise_code(code)) if _hashable(code) else None
        if found is None:
            raise UnknownConcept(self.name, code, self.codes())
        return found

    def concept_for_uri(self, uri: object) -> Concept:
        """Return the concept with this official URI, or raise UnknownConcept."""
        found = self._by_uri.get(uri) if _hashable(uri) else None
        if found is None:
            raise UnknownConcept(self.name, uri, self.codes(), as_uri=True)
        return found

    def uri(self, code: object) -> str:
        """Return the official concept URI of a code."""
        return self.concept(code).uri

    def code(self, uri: object) -> str:
        """Return our code for an official concept URI."""
        return self.concept_for_uri(uri).code

    def label(self, code: object, language: str = DEFAULT_LANGUAGE) -> str:
        """Return the label of a code in ``language`` (English when that language has none)."""
        return self.concept(code).label(language)

    def codes(self) -> list[str]:
        """Return every code, in the vocabulary's stable order."""
        return [concept.code for concept in self._concepts]

    def choices(self) -> list[tuple[str, str]]:
        """Return ``[(code, English label), ...]`` in stable order (usable as Django choices)."""
        return [(concept.code, concept.label(DEFAULT_LANGUAGE)) for concept in self._concepts]

    def __contains__(self, code: object) -> bool:
        return _hashable(code) and normalise_code(code) in self._by_code

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._concepts)

    def __len__(self) -> int:
        return len(self._concepts)

    def __repr__(self) -> str:
        return f"<Vocabulary {self.name} ({len(self)} concepts) {self.scheme_uri}>"


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True

"""The Concept value object: one entry of a controlled vocabulary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Concept:
    """A controlled-vocabulary concept: our stable code, the official URI and its labels by language."""

    code: str
    uri: str
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))

    def label(self, language: str = DEFAULT_LANGUAGE) -> str:
        """Return the label in ``language``, falling back to English (then to the code)."""
        return self.labels.get(language) or self.labels.get(DEFAULT_LANGUAGE) or self.code

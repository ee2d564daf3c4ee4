"""EU controlled vocabularies (EQF, modes, countries, ...): stable codes <-> official concept URIs."""

from .concept import Concept
from .errors import UnknownConcept, UnknownVocabulary, VocabularyError
from .registry import NAMES, get
from .vocabulary import Vocabulary

__all__ = [
    "NAMES",
    "Concept",
    "UnknownConcept",
    "UnknownVocabulary",
    "Vocabulary",
    "VocabularyError",
    "get",
]

"""The named vocabularies shipped as package data, each loaded lazily once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from .errors import UnknownVocabulary
from .vocabulary import Vocabulary

NAMES: tuple[str, ...] = (
    "eqf",
    "participation_mode",
    "learning_setting",
    "assessment_type",
    "credit_framework",
    "supervision",
    "qa_type",
    "country",
    "language",
    "credential_profile",
    "isced_f",
    "nqf",
)

DATA_PACKAGE = "mc_lms_bridge.vocab.data"


def data_file_name(name: str) -> str:
    """Return the package-data file name that holds vocabulary ``name``."""
    return f"{name}.json"


def get(name: str) -> Vocabulary:
    """Return the vocabulary called ``name`` (one of NAMES), or raise UnknownVocabulary."""
    if not isinstance(name, str) or name not in NAMES:
        raise UnknownVocabulary(name, NAMES)
    return _load(name)


@cache
def _load(name: str) -> Vocabulary:
    text = resources.files(DATA_PACKAGE).joinpath(data_file_name(name)).read_text(encoding="utf-8")
    return Vocabulary.from_payload(json.loads(text))

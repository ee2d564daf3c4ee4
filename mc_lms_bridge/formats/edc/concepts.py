"""SKOS ``Concept`` nodes (with the mandatory ``inScheme``) for the ELM 3.2 controlled vocabularies."""

from __future__ import annotations

from collections.abc import Mapping

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.edc.errors import EdcBuildError

ESCO_SKILL_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills"
ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"

BASE64_ENCODING_URI = "http://data.europa.eu/snb/encoding/6146cde7dd"
ENCODING_SCHEME = "http://data.europa.eu/snb/encoding/25831c2"
PNG_FILE_TYPE_URI = "http://publications.europa.eu/resource/authority/file-type/PNG"
FILE_TYPE_SCHEME = "http://publications.europa.eu/resource/authority/file-type"

# Human words for the element each vocabulary fills, used in error sentences.
VOCABULARY_ELEMENTS = {
    "eqf": "EQF level",
    "participation_mode": "form of participation",
    "learning_setting": "learning setting",
    "assessment_type": "type of assessment",
    "credit_framework": "credit framework",
    "supervision": "supervision and identity verification",
    "qa_type": "type of quality assurance",
    "country": "country",
    "language": "language",
    "credential_profile": "credential profile",
    "isced_f": "field of education (ISCED-F)",
    "nqf": "NQF level",
}


def concept_node(uri: str, scheme_uri: str, labels: Mapping[str, str] | None = None) -> dict:
    """Return an ELM ``Concept`` node; ``inScheme`` is always present because the shapes demand it."""
    node = {"id": uri, "type": "Concept", "inScheme": {"id": scheme_uri, "type": "ConceptScheme"}}
    if labels:
        node["prefLabel"] = dict(labels)
    return node


def vocab_concept(vocabulary: str, code: str) -> dict:
    """Return the Concept node of ``code`` in one of our EU vocabularies; unknown codes raise EdcBuildError."""
    lookup = vocab.get(vocabulary)
    try:
        concept = lookup.concept(code)
    except vocab.UnknownConcept:
        element = VOCABULARY_ELEMENTS.get(vocabulary, vocabulary)
        raise EdcBuildError(f"The {element} code {code!r} is not in the EU vocabulary {vocabulary!r}.")
    return concept_node(concept.uri, lookup.scheme_uri, concept.labels)


def language_concept(code: str) -> dict:
    """Concept of an ISO 639-1 language code in the EU language authority table."""
    return vocab_concept("language", code)


def country_concept(code: str) -> dict:
    """Concept of an ISO 3166-1 alpha-2 country code in the EU country authority table."""
    return vocab_concept("country", code)


def esco_skill_concept(uri: str) -> dict:
    """Concept of an ESCO skill URI in the ESCO skills scheme."""
    if not uri.startswith(ESCO_SKILL_PREFIX):
        raise EdcBuildError(f"The ESCO skill {uri!r} does not start with {ESCO_SKILL_PREFIX}.")
    return concept_node(uri, ESCO_SKILL_SCHEME)


def generic_profile_concept() -> dict:
    """The ELM 'Generic' credential profile (ELM 3.2 has no micro-credential profile)."""
    return vocab_concept("credential_profile", "generic")


def base64_encoding_concept() -> dict:
    """The ELM content-encoding concept 'base64'."""
    return concept_node(BASE64_ENCODING_URI, ENCODING_SCHEME, {"en": "base64"})


def png_file_type_concept() -> dict:
    """The EU file-type authority concept 'PNG'."""
    return concept_node(PNG_FILE_TYPE_URI, FILE_TYPE_SCHEME, {"en": "PNG"})

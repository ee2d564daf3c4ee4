"""The OB3 Achievement describing one published micro-credential version."""

from __future__ import annotations

from mc_lms_bridge.formats.record import MicroCredentialRecord

from .alignments import awarding_bodies, eu_element_alignments
from .errors import OB3RecordError
from .narrative import criteria_narrative
from .profile import build_profile
from .text import fragment_iri, required_text_in, text_in, with_query

GRADE_RESULT_FRAGMENT = "grade"
GRADE_RESULT_TYPE = "ext:Grade"
STACKABILITY_TAGS = ("standalone", "stackable")


def achievement_language(microcredential: MicroCredentialRecord) -> str:
    """The language OB3 strings are written in: the record's first language."""
    if not microcredential.languages:
        raise OB3RecordError(f"Micro-credential {microcredential.id} lists no language.")
    return microcredential.languages[0]


def grade_result_description_id(microcredential: MicroCredentialRecord) -> str:
    """The id of the ResultDescription that a graded Result points to."""
    return fragment_iri(microcredential.url, GRADE_RESULT_FRAGMENT)


def build_result_descriptions(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """Return the grading scheme as one ResultDescription, or nothing when there is no grading scheme."""
    scheme = text_in(microcredential.grading_scheme, language)
    if not scheme:
        return []
    return [
        {
            "id": grade_result_description_id(microcredential),
            "type": ["ResultDescription"],
            "name": scheme,
            "resultType": GRADE_RESULT_TYPE,
        }
    ]


def build_related(microcredential: MicroCredentialRecord) -> list[dict]:
    """Return the other-language editions of the achievement (OB3 ``related``, one per extra language)."""
    return [
        {
            "id": with_query(microcredential.url, "lang", language),
            "type": ["Related"],
            "inLanguage": language,
            "version": str(microcredential.version),
        }
        for language in microcredential.languages[1:]
        if microcredential.title.get(language)
    ]


def build_achievement(microcredential: MicroCredentialRecord) -> dict:
    """Return the OB3 Achievement of a micro-credential version, carrying every EU standard element."""
    language = achievement_language(microcredential)
    if microcredential.stackability not in STACKABILITY_TAGS:
        stackability = microcredential.stackability
        raise OB3RecordError(f"Stackability {stackability!r} is not one of {', '.join(STACKABILITY_TAGS)}.")
    achievement = {
        "id": microcredential.url,
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": required_text_in(microcredential.title, language, "micro-credential title"),
        "description": required_text_in(microcredential.description, language, "micro-credential summary"),
        "criteria": {"narrative": criteria_narrative(microcredential, language)},
        "creator": build_profile(awarding_bodies(microcredential)[0], language),
        "inLanguage": language,
        "version": str(microcredential.version),
        "alignment": eu_element_alignments(microcredential, language),
        "tag": [microcredential.stackability],
    }
    if microcredential.ects_credits is not None:
        achievement["creditsAvailable"] = float(microcredential.ects_credits)
    result_descriptions = build_result_descriptions(microcredential, language)
    if result_descriptions:
        achievement["resultDescription"] = result_descriptions
    related = build_related(microcredential)
    if related:
        achievement["related"] = related
    return achievement

"""Language maps, dates and durations in the literal forms ELM 3.2 expects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from decimal import Decimal

from mc_lms_bridge.formats.edc.errors import EdcBuildError

# "Passed" in the languages our instructors use most; the grade note falls back to it when no grade is given.
PASSED_LABELS = {
    "en": "Passed",
    "fr": "Réussi",
    "de": "Bestanden",
    "nl": "Geslaagd",
    "es": "Aprobado",
    "it": "Superato",
    "pt": "Aprovado",
    "pl": "Zaliczone",
}


def language_map(text: Mapping[str, str]) -> dict[str, str]:
    """Copy a record language map into a plain JSON-LD language map (``{"en": "...", ...}``)."""
    return {lang: value for lang, value in text.items() if value}


def same_text_in(languages: Iterable[str], value: str) -> dict[str, str]:
    """A language map carrying one language-neutral value (a name, a grade) under each given language."""
    return {lang: value for lang in languages}


def passed_note_text(languages: Iterable[str]) -> dict[str, str]:
    """'Passed' in every given language we know, English when we know none of them."""
    known = {lang: PASSED_LABELS[lang] for lang in languages if lang in PASSED_LABELS}
    return known or {"en": PASSED_LABELS["en"]}


def xsd_datetime(moment: datetime) -> str:
    """UTC ``YYYY-MM-DDThh:mm:ssZ``; a naive datetime is refused because its instant is unknown."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise EdcBuildError(f"The date {moment.isoformat()} has no time zone; EDC dates must be absolute.")
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def hours_duration(hours: int) -> str:
    """ISO 8601 duration of a workload in hours, e.g. 125 -> ``PT125H``."""
    if hours <= 0:
        raise EdcBuildError(f"The notional workload must be a positive number of hours, not {hours}.")
    return f"PT{hours}H"


def credit_points(credits: Decimal) -> str:
    """ECTS credits as a plain decimal string without exponent or trailing zeros (``Decimal('5.0')`` -> ``5``)."""
    if credits <= 0:
        raise EdcBuildError(f"The ECTS credits must be positive, not {credits}.")
    return format(credits.normalize(), "f")

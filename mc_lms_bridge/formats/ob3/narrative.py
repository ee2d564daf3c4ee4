"""The human-readable Markdown criteria narrative of a micro-credential achievement."""

from __future__ import annotations

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.record import MicroCredentialRecord

from .text import text_in

HEADINGS = {
    "en": ("Learning outcomes", "Assessment", "Prerequisites", "Grading scheme", "Further information"),
    "fr": ("Acquis d'apprentissage", "Évaluation", "Prérequis", "Notation", "Informations complémentaires"),
    "de": ("Lernergebnisse", "Prüfung", "Voraussetzungen", "Bewertungssystem", "Weitere Informationen"),
    "nl": ("Leerresultaten", "Beoordeling", "Vereisten", "Beoordelingsschaal", "Meer informatie"),
}


def one_line(text: str) -> str:
    """Collapse all whitespace (including newlines) so a text fits in one Markdown list item."""
    return " ".join(text.split())


def criteria_narrative(microcredential: MicroCredentialRecord, language: str) -> str:
    """Return Markdown listing the learning outcomes, then assessment, prerequisites, grading and more."""
    outcomes_title, assessment_title, prerequisites_title, grading_title, further_title = HEADINGS.get(
        language, HEADINGS["en"]
    )
    outcomes = "\n".join(
        f"{number}. {one_line(text_in(outcome.text, language))}"
        for number, outcome in enumerate(microcredential.learning_outcomes, start=1)
    )
    sections = [f"## {outcomes_title}\n\n{outcomes}"]
    assessment = vocab.get("assessment_type").label(microcredential.assessment_type, language)
    details = text_in(microcredential.assessment_description, language)
    sections.append(f"## {assessment_title}\n\n{assessment}" + (f": {details}" if details else ""))
    further = (text_in(microcredential.further_information, language), microcredential.homepage)
    optional = (
        (prerequisites_title, text_in(microcredential.prerequisites, language)),
        (grading_title, text_in(microcredential.grading_scheme, language)),
        (further_title, " ".join(part for part in further if part)),
    )
    sections.extend(f"## {title}\n\n{body}" for title, body in optional if body)
    return "\n\n".join(sections)

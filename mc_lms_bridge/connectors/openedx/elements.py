"""The EU standard elements of a published micro-credential version as labelled rows for a course page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ... import vocab
from ...catalogue.records import microcredential_record
from ...models import MicroCredentialVersion


@dataclass(frozen=True)
class Element:
    """One element: a label and text, optional list items, optional http(s) link."""

    key: str
    label: str
    text: str = ""
    items: tuple[str, ...] = ()
    url: str = ""


def pick(texts: Mapping[str, str], language: str) -> str:
    """Text in the language, else English, else any language."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


def _label(vocabulary: str, code, language: str) -> str:
    if code in (None, ""):
        return ""
    try:
        return vocab.get(vocabulary).label(code, language)
    except vocab.VocabularyError:
        return str(code)


def _safe_url(url: str) -> str:
    return url if url.startswith(("https://", "http://")) else ""


def transparency_elements(version: MicroCredentialVersion, language: str = "en") -> tuple[str, list[Element]]:
    """(title, elements) of a version, from the same record the credential formats are built from."""
    record = microcredential_record(version)
    workload = []
    if record.ects_credits is not None:
        workload.append(f"{record.ects_credits.normalize():f} ECTS credits")
    if record.workload_hours:
        workload.append(f"{record.workload_hours} hours")
    qa = record.quality_assurance
    rows = [
        Element("provider", "Provider", pick(record.issuer.legal_name, language)),
        Element("description", "Description", pick(record.description, language)),
        Element("learning_outcomes", "Learning outcomes",
                items=tuple(pick(o.text, language) for o in record.learning_outcomes)),
        Element("workload", "Notional workload", ", ".join(workload)),
        Element("eqf_level", "EQF level", _label("eqf", record.eqf_level, language)),
        Element("nqf_level", "NQF level", _label("nqf", record.nqf_level, language)),
        Element("isced_f_codes", "Field of education (ISCED-F)",
                "; ".join(_label("isced_f", code, language) for code in record.isced_f_codes)),
        Element("assessment", "Type of assessment", "; ".join(filter(None, [
            _label("assessment_type", record.assessment_type, language),
            pick(record.assessment_description, language)]))),
        Element("participation", "Form of participation", "; ".join(filter(None, [
            _label("participation_mode", record.participation_mode, language),
            _label("learning_setting", record.learning_setting, language)]))),
        Element("supervision", "Supervision and identity verification",
                _label("supervision", record.supervision, language)),
        Element("quality_assurance", "Quality assurance",
                "; ".join(filter(None, [_label("qa_type", qa.qa_type, language), qa.body_name])),
                url=_safe_url(qa.url)),
        Element("prerequisites", "Prerequisites", pick(record.prerequisites, language)),
        Element("grading", "Grading scheme", pick(record.grading_scheme, language)),
        Element("languages", "Languages", ", ".join(_label("language", code, language) for code in record.languages)),
        Element("stackability", "Stackability", version.get_stackability_display()),
        Element("validity", "Validity",
                f"{record.valid_for_days} days" if record.valid_for_days else "Does not expire"),
        Element("further_information", "Further information", pick(record.further_information, language),
                url=_safe_url(record.homepage)),
    ]
    return pick(record.title, language), [row for row in rows if row.text or row.items or row.url]

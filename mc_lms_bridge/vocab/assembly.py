"""Pure assembly of the shipped vocabularies from parsed official sources (codes, order, labels)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .registry import NAMES
from .sources import CodeList, CsvConcept, IsoLanguage, SourceEntry, SourceFormatError

SNB = "http://data.europa.eu/snb"

# Which XSD code list (file name under xsd-cv-loq/) feeds which vocabulary.
XSD_FILES: Mapping[str, str] = {
    "eqf": "eqf.xsd",
    "participation_mode": "europass-modes.xsd",
    "learning_setting": "europass-learning-setting-types.xsd",
    "assessment_type": "europass-learning-assessment-types.xsd",
    "credit_framework": "credit-points.xsd",
    "qa_type": "europass-accreditation-types.xsd",
    "credential_profile": "europass-credential-types.xsd",
    "country": "country.xsd",
    "language": "language.xsd",
    "isced_f": "isced-f.xsd",
    "nqf": "nqf.xsd",
}

# Concept schemes whose concepts (also) come from the compiled concept CSV.
CSV_SCHEMES: Mapping[str, str] = {
    "supervision": f"{SNB}/supervision-verification/25831c2",
    "credential_profile": f"{SNB}/credential/25831c2",
}

# Codes fixed by the project contract; they come first, in this order. Other codes are label slugs.
FIXED_CODES: Mapping[str, Mapping[str, str]] = {
    "participation_mode": {
        "online": f"{SNB}/learning-assessment/920fbb3cbe",
        "blended": f"{SNB}/learning-assessment/e92d221e4d",
        "presential": f"{SNB}/learning-assessment/9191af2ed9",
        "work-based": f"{SNB}/learning-assessment/729f3bed4b",
    },
    "learning_setting": {
        "formal": f"{SNB}/learning-setting/6fd4685715",
        "non-formal": f"{SNB}/learning-setting/e207a81fc7",
    },
    "credit_framework": {
        "ects": f"{SNB}/education-credit/6fcec5c5af",
        "ecvet": f"{SNB}/education-credit/60b314e826",
    },
    "qa_type": {
        "programme": f"{SNB}/accreditation/820101cba6",
        "institutional": f"{SNB}/accreditation/bb4618238e",
    },
    "credential_profile": {"generic": f"{SNB}/credential/e34929035b"},
}

UNVERIFIED_MARKER = "unverified"
_CSV_ANNOTATION = re.compile(r"\s*\([^()]*\)\s*$")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class VocabularySources:
    """Everything the generator reads, already parsed: XSD lists by file name, CSV rows, ISO tables."""

    code_lists: Mapping[str, CodeList]
    csv_concepts: tuple[CsvConcept, ...]
    iso_country_alpha2: Mapping[str, str]  # ISO 3166-1 alpha-3 -> alpha-2
    iso_languages: tuple[IsoLanguage, ...]


@dataclass(frozen=True)
class DraftConcept:
    """A concept before it is written out: code, official URI and English label."""

    code: str
    uri: str
    label: str


def slugify(label: str) -> str:
    """Turn an English label into a lowercase ascii hyphenated code ('Project based' -> 'project-based')."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_label.lower()).strip("-")
    if not slug:
        raise SourceFormatError(f"The label {label!r} gives no usable code.")
    return slug


def clean_csv_label(label: str) -> str:
    """Drop the compiler's trailing '(...)' note from a CSV label ('Generic (SHACL ...)' -> 'Generic')."""
    return _CSV_ANNOTATION.sub("", label).strip()


def sort_key(label: str) -> str:
    """Accent-insensitive, case-insensitive sort key for labels ('Åland Islands' sorts with 'A')."""
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").casefold()


def build_all(sources: VocabularySources) -> dict[str, dict[str, Any]]:
    """Build the package-data payload of every vocabulary in NAMES, keyed by name."""
    builders: Mapping[str, Callable[[VocabularySources], tuple[str, list[DraftConcept]]]] = {
        "eqf": _eqf,
        "supervision": _supervision,
        "country": _country,
        "language": _language,
        "credential_profile": _credential_profile,
        "isced_f": _isced_f,
        "nqf": _nqf,
    }
    payloads = {}
    for name in NAMES:
        scheme_uri, drafts = builders.get(name, _slugged_xsd_list(name))(sources)
        payloads[name] = payload(name, scheme_uri, drafts)
    return payloads


def payload(name: str, scheme_uri: str, drafts: Iterable[DraftConcept]) -> dict[str, Any]:
    """Return the JSON-ready payload of one vocabulary, checking codes and URIs are unique."""
    drafts = list(drafts)
    for field_name in ("code", "uri"):
        values = [getattr(draft, field_name) for draft in drafts]
        duplicates = sorted({value for value in values if values.count(value) > 1})
        if duplicates:
            raise SourceFormatError(f"Vocabulary {name!r} would have duplicate {field_name}s: {duplicates}.")
    concepts = [{"code": d.code, "uri": d.uri, "labels": {"en": d.label}} for d in drafts]
    return {"name": name, "scheme_uri": scheme_uri, "concepts": concepts}


def code_list(sources: VocabularySources, name: str) -> CodeList:
    """Return the parsed XSD code list that feeds vocabulary ``name``."""
    file_name = XSD_FILES[name]
    if file_name not in sources.code_lists:
        raise SourceFormatError(f"The source code list {file_name} (for {name!r}) is missing.")
    return sources.code_lists[file_name]


def with_fixed_codes(name: str, entries: Iterable[SourceEntry]) -> list[DraftConcept]:
    """Give fixed-code concepts their contract code (first, in contract order); slug the other labels."""
    fixed = FIXED_CODES.get(name, {})
    by_uri = {entry.uri: entry for entry in entries}
    missing = [uri for uri in fixed.values() if uri not in by_uri]
    if missing:
        raise SourceFormatError(f"The sources of {name!r} lack the fixed concepts {missing}.")
    first = [DraftConcept(code, uri, by_uri[uri].label) for code, uri in fixed.items()]
    fixed_uris = set(fixed.values())
    others = [entry for entry in by_uri.values() if entry.uri not in fixed_uris]
    rest = [DraftConcept(slugify(entry.label), entry.uri, entry.label) for entry in others]
    return first + rest


def _slugged_xsd_list(name: str) -> Callable[[VocabularySources], tuple[str, list[DraftConcept]]]:
    def build(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
        codes = code_list(sources, name)
        return codes.namespace, with_fixed_codes(name, codes.entries)

    return build


def _eqf(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
    codes = code_list(sources, "eqf")
    drafts = [DraftConcept(entry.uri.rsplit("/", 1)[1], entry.uri, entry.label) for entry in codes.entries]
    if sorted(draft.code for draft in drafts) != [str(level) for level in range(1, 9)]:
        raise SourceFormatError("The EQF code list must hold exactly the levels 1 to 8.")
    return codes.namespace, sorted(drafts, key=lambda draft: int(draft.code))


def uri_tail_drafts(name: str, entries: Iterable[SourceEntry]) -> list[DraftConcept]:
    """Concepts whose code is the last segment of their URI ('.../isced-f/0613' -> '0613'); labels required."""
    drafts = [DraftConcept(entry.uri.rsplit("/", 1)[1], entry.uri, entry.label) for entry in entries]
    unlabelled = [draft.uri for draft in drafts if not draft.label]
    if unlabelled:
        raise SourceFormatError(f"The sources of {name!r} give no label for {unlabelled}.")
    return drafts


def _isced_f(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
    """ISCED-F 2013 fields of education; code order puts each field before its narrower fields."""
    codes = code_list(sources, "isced_f")
    drafts = uri_tail_drafts("isced_f", codes.entries)
    if not all(draft.code.isdigit() and 2 <= len(draft.code) <= 4 for draft in drafts):
        raise SourceFormatError("ISCED-F codes must be the 2, 3 or 4 digits of a broad, narrow or detailed field.")
    return codes.namespace, sorted(drafts, key=lambda draft: draft.code)


def _nqf(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
    """The QDR list (national qualification frameworks and their levels), sorted by label for pickers."""
    codes = code_list(sources, "nqf")
    drafts = uri_tail_drafts("nqf", codes.entries)
    return codes.namespace, sorted(drafts, key=lambda draft: (sort_key(draft.label), draft.code))


def verified_csv_entries(sources: VocabularySources, scheme: str) -> list[SourceEntry]:
    """Return the CSV concepts of ``scheme`` with cleaned labels, leaving out rows marked unverified."""
    return [
        SourceEntry(row.uri, clean_csv_label(row.label))
        for row in sources.csv_concepts
        if row.scheme == scheme and UNVERIFIED_MARKER not in row.label.lower()
    ]


def _supervision(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
    scheme = CSV_SCHEMES["supervision"]
    entries = verified_csv_entries(sources, scheme)
    if not entries:
        raise SourceFormatError(f"The concept CSV has no verified concept of {scheme}.")
    return scheme, with_fixed_codes("supervision", entries)


def _credential_profile(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
    codes = code_list(sources, "credential_profile")
    scheme = CSV_SCHEMES["credential_profile"]
    if codes.namespace != scheme:
        raise SourceFormatError(f"The credential-type XSD namespace {codes.namespace} is not {scheme}.")
    known = {entry.uri for entry in codes.entries}
    extra = [entry for entry in verified_csv_entries(sources, scheme) if entry.uri not in known]
    return scheme, with_fixed_codes("credential_profile", [*codes.entries, *extra])


def _country(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
    codes = code_list(sources, "country")
    drafts = [
        DraftConcept(sources.iso_country_alpha2[alpha_3], entry.uri, entry.label)
        for entry in codes.entries
        if (alpha_3 := entry.uri.rsplit("/", 1)[1]) in sources.iso_country_alpha2
    ]
    return codes.namespace, sorted(drafts, key=lambda draft: sort_key(draft.label))


def _language(sources: VocabularySources) -> tuple[str, list[DraftConcept]]:
    codes = code_list(sources, "language")
    labels = {entry.uri: entry.label for entry in codes.entries}
    drafts = []
    for language in sources.iso_languages:
        for alpha_3 in (language.alpha_3, language.bibliographic):
            uri = f"{codes.namespace}/{alpha_3}"
            if alpha_3 and uri in labels:
                fallback = language.name.split(";")[0].strip()
                drafts.append(DraftConcept(language.alpha_2, uri, labels[uri] or fallback))
                break
    return codes.namespace, sorted(drafts, key=lambda draft: sort_key(draft.label))

"""Pure parsers for the official vocabulary source files (XSD code lists, concept CSV, iso-codes JSON)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree  # noqa: S405 - parses trusted, checksummed official files only
from dataclasses import dataclass

XSD_NAMESPACE = "{http://www.w3.org/2001/XMLSchema}"


class SourceFormatError(ValueError):
    """Raised when a vocabulary source file does not have the expected structure."""


@dataclass(frozen=True)
class SourceEntry:
    """One concept as published in a source list: official URI and English label ('' if none)."""

    uri: str
    label: str


@dataclass(frozen=True)
class CodeList:
    """An XSD enumeration code list: its target namespace (the scheme IRI) and its entries in order."""

    namespace: str
    entries: tuple[SourceEntry, ...]


@dataclass(frozen=True)
class CsvConcept:
    """One row of the compiled concept CSV (scheme IRI, concept URI, annotated English label)."""

    scheme: str
    uri: str
    label: str


@dataclass(frozen=True)
class IsoLanguage:
    """An ISO 639-1 language with its ISO 639-2 terminology and bibliographic alpha-3 codes."""

    alpha_2: str
    alpha_3: str
    bibliographic: str
    name: str


def parse_xsd_code_list(xml_text: str) -> CodeList:
    """Read the enumerations (value URI + documentation label) of an ELM controlled-vocabulary XSD."""
    root = ElementTree.fromstring(xml_text)  # noqa: S314 - trusted, checksummed official file
    namespace = root.get("targetNamespace")
    if not namespace:
        raise SourceFormatError("The XSD code list has no targetNamespace attribute.")
    entries = tuple(
        SourceEntry(uri=node.get("value", ""), label=_documentation_text(node))
        for node in root.iter(f"{XSD_NAMESPACE}enumeration")
    )
    if not entries or any(not entry.uri for entry in entries):
        raise SourceFormatError(f"The XSD code list {namespace} has no (or an empty) enumeration value.")
    return CodeList(namespace=namespace, entries=entries)


def _documentation_text(enumeration: ElementTree.Element) -> str:
    node = enumeration.find(f"{XSD_NAMESPACE}annotation/{XSD_NAMESPACE}documentation")
    return " ".join((node.text or "").split()) if node is not None else ""


def parse_concept_csv(csv_text: str) -> tuple[CsvConcept, ...]:
    """Read the compiled concept CSV (columns scheme, concept_uri, label_en, source)."""
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    required = {"scheme", "concept_uri", "label_en"}
    if not rows or not required <= set(rows[0]):
        raise SourceFormatError(f"The concept CSV must have the columns {sorted(required)}.")
    return tuple(
        CsvConcept(row["scheme"], row["concept_uri"], " ".join(row["label_en"].split())) for row in rows
    )


def parse_iso3166_alpha3_to_alpha2(json_text: str) -> dict[str, str]:
    """Map ISO 3166-1 alpha-3 to alpha-2 codes from the iso-codes ``iso_3166-1.json`` file."""
    try:
        countries = json.loads(json_text)["3166-1"]
        return {item["alpha_3"].upper(): item["alpha_2"].upper() for item in countries}
    except (KeyError, TypeError, AttributeError) as error:
        raise SourceFormatError(f"iso_3166-1.json lacks the expected '3166-1' list ({error}).")


def parse_iso639_1_languages(json_text: str) -> tuple[IsoLanguage, ...]:
    """Read the languages that have an ISO 639-1 code from the iso-codes ``iso_639-2.json`` file."""
    try:
        languages = json.loads(json_text)["639-2"]
        return tuple(
            IsoLanguage(
                alpha_2=item["alpha_2"].lower(),
                alpha_3=item["alpha_3"].upper(),
                bibliographic=item.get("bibliographic", "").upper(),
                name=item["name"],
            )
            for item in languages
            if "alpha_2" in item
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise SourceFormatError(f"iso_639-2.json lacks the expected '639-2' list ({error}).")

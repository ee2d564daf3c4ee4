"""Translate pyshacl validation results into sentences an instructor understands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import rdflib
from rdflib.namespace import RDF, SH

from mc_lms_bridge.formats.edc.context_loader import PINNED_EDC_CONTEXTS, pinned_context
from mc_lms_bridge.formats.edc.naming import capitalised

ELM = "http://data.europa.eu/snb/model/elm/"
DC = "http://purl.org/dc/terms/"
CRED = "https://www.w3.org/2018/credentials#"
SKOS = "http://www.w3.org/2004/02/skos/core#"

# Property IRI -> the words an instructor would use for it.
PATH_WORDS = {
    DC + "title": "title",
    DC + "type": "type",
    DC + "language": "language",
    DC + "spatial": "country",
    ELM + "grade": "grade",
    ELM + "EQFLevel": "EQF level",
    ELM + "NQFLevel": "NQF level",
    ELM + "ISCEDFCode": "field of education (ISCED-F)",
    ELM + "awardedBy": "awarding process",
    ELM + "awardingBody": "awarding body",
    ELM + "hasClaim": "achievement",
    ELM + "location": "location",
    ELM + "address": "address",
    ELM + "countryCode": "country",
    ELM + "eidasLegalIdentifier": "eIDAS legal identifier",
    ELM + "credentialProfiles": "credential profile",
    ELM + "displayParameter": "display settings",
    ELM + "individualDisplay": "display",
    ELM + "displayDetail": "display page",
    ELM + "image": "image",
    ELM + "page": "page number",
    ELM + "primaryLanguage": "primary language",
    ELM + "content": "content",
    ELM + "contentType": "file type",
    ELM + "contentEncoding": "encoding",
    ELM + "contentUrl": "web address",
    ELM + "noteLiteral": "text",
    ELM + "framework": "credit framework",
    ELM + "point": "number of credits",
    ELM + "accreditingAgent": "accrediting body",
    ELM + "learningSetting": "learning setting",
    ELM + "mode": "form of participation",
    ELM + "idVerification": "supervision and identity verification",
    ELM + "volumeOfLearning": "notional workload",
    ELM + "relatedESCOSkill": "ESCO skill",
    "http://www.w3.org/ns/regorg#legalName": "legal name",
    SKOS + "inScheme": "concept scheme (inScheme)",
    SKOS + "notation": "identifier value",
    SKOS + "prefLabel": "label",
    CRED + "issued": "issue date",
    CRED + "validFrom": "valid-from date",
    CRED + "issuer": "issuer",
    CRED + "credentialSubject": "learner",
    CRED + "credentialSchema": "credential schema",
    "https://w3id.org/security#proof": "proof",
}
# Node type -> name used when a focus node has no id in the JSON (a blank node).
TYPE_WORDS = {
    ELM + "EuropeanDigitalCredential": "the credential",
    ELM + "Person": "the learner",
    ELM + "LearningAchievement": "the learning achievement",
    ELM + "Qualification": "the qualification",
    ELM + "LearningAssessment": "the assessment",
    ELM + "LearningAssessmentSpecification": "the assessment specification",
    ELM + "LearningOutcome": "a learning outcome",
    ELM + "AwardingProcess": "the awarding process",
    ELM + "Organisation": "an organisation",
    ELM + "Accreditation": "the quality assurance",
    ELM + "Note": "a note",
    SKOS + "Concept": "a concept",
}


@dataclass(frozen=True)
class EdcViolation:
    """One problem: readable message, ELM element (``Type.term``), focus node, path and raw SHACL text."""

    message: str
    element: str
    focus_node: str
    path: str
    shacl_message: str
    constraint: str


@cache
def term_names() -> dict[str, str]:
    """Expanded property/class IRI -> the JSON term the EDC contexts give it."""
    names: dict[str, str] = {}
    for url in PINNED_EDC_CONTEXTS:
        context = pinned_context(url)["@context"]
        for ctx in context if isinstance(context, list) else [context]:
            prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}
            for term, definition in ctx.items():
                iri = definition.get("@id") if isinstance(definition, dict) else definition
                if not isinstance(iri, str) or term.startswith("@"):
                    continue
                prefix, _, local = iri.partition(":")
                names.setdefault(prefixes[prefix] + local if prefix in prefixes else iri, term)
    return names


def local_name(iri: object) -> str:
    """The local name of an IRI (``sh:MinCountConstraintComponent`` -> ``MinCountConstraintComponent``)."""
    return re.split(r"[/#]", str(iri))[-1] if iri is not None else ""


def local_words(iri: str) -> str:
    """Fallback words from an IRI's local name: ``volumeOfLearning`` -> ``volume of learning``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local_name(iri)).lower()


def focus_type(data: rdflib.Graph, focus: rdflib.term.Node) -> str:
    """A known ELM type of the node, else its first type, else ''."""
    types = sorted(str(t) for t in data.objects(focus, RDF.type))
    known = [t for t in types if t in TYPE_WORDS]
    return (known or types or [""])[0]


def focus_name(data: rdflib.Graph, focus: rdflib.term.Node, names: dict[str, str]) -> str:
    """Readable name of the focus node, from the JSON position when it has an id."""
    if str(focus) in names:
        return names[str(focus)]
    return TYPE_WORDS.get(focus_type(data, focus), "a part of the credential")


def sentence(component: str, subject: str, path_words: str, value: str, raw: str) -> str:
    """The instructor-level sentence for one constraint component."""
    if path_words == "proof":
        return "The credential carries an embedded proof; Europass credentials are sealed with JAdES instead."
    if component == "MinCountConstraintComponent":
        return f"{capitalised(subject)} has no {path_words}."
    if component == "MaxCountConstraintComponent":
        return f"{capitalised(subject)} has more than one {path_words}."
    if component == "HasValueConstraintComponent" or (component == "NodeConstraintComponent" and "Restriction" in raw):
        return f"The {path_words} of {subject} is not taken from the official EU vocabulary."
    if component == "NodeConstraintComponent":
        return f"The {path_words} of {subject} is incomplete."
    if component == "ClassConstraintComponent":
        return f"The {path_words} of {subject} is not the right kind of element ({value or 'no type'})."
    if component in {"DatatypeConstraintComponent", "NodeKindConstraintComponent", "PatternConstraintComponent"}:
        return f"The {path_words} of {subject} has a value in the wrong format ({value})."
    return f"{capitalised(subject)}: {raw}"


def violation_from_result(
    report: rdflib.Graph, result: rdflib.term.Node, data: rdflib.Graph, names: dict[str, str]
) -> EdcViolation:
    """Build one EdcViolation from a sh:ValidationResult node of the report."""
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    component = local_name(report.value(result, SH.sourceConstraintComponent))
    value = report.value(result, SH.value)
    raw = str(report.value(result, SH.resultMessage) or "")
    path_iri = str(path) if isinstance(path, rdflib.URIRef) else ""
    path_words = PATH_WORDS.get(path_iri) or (local_words(path_iri) if path_iri else "value")
    subject = focus_name(data, focus, names)
    type_term = term_names().get(focus_type(data, focus), "Node")
    element = f"{type_term}.{term_names().get(path_iri, local_name(path))}" if path_iri else type_term
    value_text = str(value) if value is not None else ""
    return EdcViolation(
        message=sentence(component, subject, path_words, value_text, raw),
        element=element,
        focus_node=str(focus),
        path=path_iri,
        shacl_message=raw,
        constraint=component,
    )


def is_summary_of_details(report: rdflib.Graph, result: rdflib.term.Node) -> bool:
    """A non-vocabulary sh:node result whose sh:detail results already say what exactly is wrong."""
    component = local_name(report.value(result, SH.sourceConstraintComponent))
    raw = str(report.value(result, SH.resultMessage) or "")
    has_details = report.value(result, SH.detail) is not None
    return component == "NodeConstraintComponent" and "Restriction" not in raw and has_details


def violations_from_report(report: rdflib.Graph, data: rdflib.Graph, names: dict[str, str]) -> list[EdcViolation]:
    """Every sh:Violation result of a pyshacl report, as readable, de-duplicated, stably ordered violations."""
    found: dict[tuple[str, str, str, str], EdcViolation] = {}
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) not in (None, SH.Violation):
            continue
        if is_summary_of_details(report, result):
            continue
        violation = violation_from_result(report, result, data, names)
        found.setdefault((violation.focus_node, violation.path, violation.constraint, violation.message), violation)
    return sorted(found.values(), key=lambda v: (v.message, v.focus_node, v.path))

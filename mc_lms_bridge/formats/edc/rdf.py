"""Turn an EDC JSON-LD credential into an rdflib graph with pyld, using only the pinned contexts."""

from __future__ import annotations

import rdflib
from pyld import jsonld

from mc_lms_bridge.formats.edc.context_loader import defined_terms, edc_document_loader, language_map_terms
from mc_lms_bridge.formats.edc.errors import EdcContextError

JSON_LD_KEYWORD_ALIASES = frozenset({"id", "type"})


def undefined_terms(document: object) -> list[str]:
    """Keys of the document that no pinned context defines (pyld would drop them without a word)."""
    known = defined_terms() | JSON_LD_KEYWORD_ALIASES
    language_maps = language_map_terms()
    found: list[str] = []

    def walk(node: object, inside_language_map: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.startswith("@") or ":" in key:
                    continue
                if key not in known and not inside_language_map and key not in found:
                    found.append(key)
                walk(value, inside_language_map=key in language_maps)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    return found



XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def credential_to_dataset(credential: dict) -> dict:
    """pyld's RDF dataset of the credential (graph name -> triples); contexts come from the pinned loader."""
    if not isinstance(credential, dict):
        raise EdcContextError("The Europass credential must be a JSON object (a dict).")
    options = {"documentLoader": edc_document_loader, "base": None}
    try:
        return jsonld.to_rdf(credential, options)
    except jsonld.JsonLdError as error:
        cause = find_context_error(error)
        if cause is not None:
            raise cause from error
        raise EdcContextError(f"The credential is not valid JSON-LD: {error}.") from error


def find_context_error(error: BaseException | None) -> EdcContextError | None:
    """The EdcContextError buried in pyld's chain of wrapped errors, if any."""
    for _ in range(20):
        if error is None or isinstance(error, EdcContextError):
            return error
        error = getattr(error, "cause", None) or error.__cause__ or error.__context__
    return None


def rdf_term(item: dict) -> rdflib.term.Node:
    """An rdflib term from one pyld subject/predicate/object description."""
    if item["type"] == "IRI":
        return rdflib.URIRef(item["value"])
    if item["type"] == "blank node":
        return rdflib.BNode(item["value"][2:])
    datatype = item.get("datatype")
    if item.get("language"):
        return rdflib.Literal(item["value"], lang=item["language"])
    if datatype in (None, XSD_STRING, RDF_LANG_STRING):
        return rdflib.Literal(item["value"])
    return rdflib.Literal(item["value"], datatype=rdflib.URIRef(datatype))


def credential_graph(credential: dict) -> rdflib.Graph:
    """The credential's triples as one rdflib graph (named graphs, e.g. a stray proof, merged in)."""
    graph = rdflib.Graph()
    for triples in credential_to_dataset(credential).values():
        for triple in triples:
            graph.add((rdf_term(triple["subject"]), rdf_term(triple["predicate"]), rdf_term(triple["object"])))
    return graph

"""General (slow, exact) JSON-LD -> RDF quads with pyld in safe mode: nothing is dropped silently."""

from __future__ import annotations

import re
from typing import Any

from cachetools import LRUCache
from pyld.context_resolver import ContextResolver
from pyld.jsonld import JsonLdError, JsonLdProcessor

from .canonical_errors import JsonLdProcessingError, RelativeIriError, UndefinedTermError
from .document_loader import UnknownDocumentError
from .nquads import Quad, iri_term, literal_term

RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$")
_IRI_VALUED_KEYS = ("@id", "@type")
_RESOLVER_CACHE_SIZE = 1000


def _raise_undefined(expanded_property: str | None) -> None:
    raise UndefinedTermError(
        "A property is not defined by the document's JSON-LD context and would be dropped"
        + (f" (it expands to {expanded_property!r})." if expanded_property else ".")
    )


def _check_iri(value: Any, where: str) -> None:
    if isinstance(value, str) and _ABSOLUTE_IRI.match(value) is None:
        raise RelativeIriError(f"The {where} value {value!r} does not expand to an absolute IRI.")


def check_absolute_iris(expanded: Any) -> None:
    """Raise RelativeIriError for any @id, @type or property that pyld's to-RDF step would drop."""
    if isinstance(expanded, list):
        for item in expanded:
            check_absolute_iris(item)
        return
    if not isinstance(expanded, dict):
        return
    is_value = "@value" in expanded
    for key, value in expanded.items():
        if key in _IRI_VALUED_KEYS:
            if is_value and key == "@type" and value == "@json":
                continue
            for item in value if isinstance(value, list) else [value]:
                _check_iri(item, key)
        elif key[:1] != "@":
            if key[:2] == "_:":
                raise RelativeIriError(f"The property {key!r} is a blank node, which RDF does not allow.")
            _check_iri(key, "property")
            check_absolute_iris(value)
        elif not is_value:
            check_absolute_iris(value)


def _unwrap_known_error(error: BaseException) -> BaseException | None:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, (UnknownDocumentError, UndefinedTermError, RelativeIriError)):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def new_resolver_cache() -> LRUCache:
    """A per-loader cache of resolved contexts (pyld keeps processed contexts inside it)."""
    return LRUCache(maxsize=_RESOLVER_CACHE_SIZE)


def _options(loader: Any, resolver_cache: Any) -> dict[str, Any]:
    return {
        "documentLoader": loader,
        "contextResolver": ContextResolver(resolver_cache if resolver_cache is not None else {}, loader),
        "base": None,
        "processingMode": "json-ld-1.1",
    }


def safe_expand(document: Any, loader: Any, resolver_cache: Any = None) -> list:
    """Expand with pyld; an undefined term or relative IRI raises instead of being dropped."""
    processor = JsonLdProcessor(on_property_dropped=_raise_undefined)
    try:
        expanded = processor.expand(document, _options(loader, resolver_cache))
    except JsonLdError as error:
        known = _unwrap_known_error(error)
        if known is not None:
            raise known from None
        raise JsonLdProcessingError(f"JSON-LD expansion failed: {error.args[0]}") from error
    check_absolute_iris(expanded)
    return expanded


def _term(component: dict) -> str:
    kind = component["type"]
    if kind == "IRI":
        return iri_term(component["value"])
    if kind == "blank node":
        return component["value"]
    datatype = component.get("datatype")
    if datatype == RDF_LANGSTRING:
        return literal_term(component["value"], language=component.get("language"))
    return literal_term(component["value"], datatype)


def dataset_quads(dataset: dict) -> list[Quad]:
    """Convert a pyld RDF dataset into quads of canonical N-Quads term strings."""
    quads: list[Quad] = []
    for graph_name, triples in dataset.items():
        graph = "" if graph_name == "@default" else (graph_name if graph_name[:2] == "_:" else iri_term(graph_name))
        for triple in triples:
            quads.append((_term(triple["subject"]), _term(triple["predicate"]), _term(triple["object"]), graph))
    return quads


def safe_document_quads(document: Any, loader: Any, resolver_cache: Any = None) -> list[Quad]:
    """Quads of any JSON-LD document via pyld (safe mode), for canonicalization."""
    expanded = safe_expand(document, loader, resolver_cache)
    processor = JsonLdProcessor()
    try:
        dataset = processor.to_rdf(expanded, {**_options(loader, resolver_cache), "produceGeneralizedRdf": False})
    except JsonLdError as error:
        raise JsonLdProcessingError(f"JSON-LD to RDF conversion failed: {error.args[0]}") from error
    return dataset_quads(dataset)

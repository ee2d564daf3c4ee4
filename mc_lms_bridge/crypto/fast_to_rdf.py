"""Fast JSON-LD -> RDF quads for the common compacted-credential shape, driven by cached active contexts.

It mirrors pyld's expansion + node map + to-RDF for plain node objects, @set arrays, scalars and simple
value objects. Anything else (lists, graphs, maps, @json, @reverse, @nest, undefined terms, relative IRIs,
...) raises FastPathUnsupported so the caller falls back to the exact general path.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .active_contexts import ActiveContext, ContextEngine
from .nquads import Quad, iri_term, literal_term

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_BOOLEAN = XSD + "boolean"
XSD_DOUBLE = XSD + "double"
XSD_INTEGER = XSD + "integer"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$")  # pyld's own test, kept identical
_SIMPLE_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_UNSAFE_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_EXPANDED_NODE_KEYWORDS = frozenset({"@id", "@type"})


class FastPathUnsupported(Exception):
    """The document uses a feature the fast path does not reproduce; use the general path."""


def canonical_double(value: float) -> str:
    """xsd:double canonical lexical form exactly as pyld and jsonld.js write it."""
    return re.sub(r"(\d)0*E\+?(-)?0*(\d)", r"\1E\2\3", f"{value:1.15E}")


def _node_term(iri: str | None) -> str:
    """Turn an expanded @id / IRI value into an N-Quads term, refusing anything pyld would drop."""
    if iri is None or _ABSOLUTE_IRI.match(iri) is None or _UNSAFE_IRI_CHARS.search(iri):
        raise FastPathUnsupported
    if iri[:2] == "_:":
        return "_:u" + iri[2:]
    return iri_term(iri)


def _literal(value: Any, datatype: str | None, language: str | None) -> str:
    if value is True or value is False:
        return literal_term("true" if value else "false", datatype or XSD_BOOLEAN)
    if datatype == XSD_DOUBLE:
        raise FastPathUnsupported  # pyld re-parses strings typed xsd:double; leave that to the general path
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FastPathUnsupported
        if not value.is_integer() or abs(value) >= 1e21:
            return literal_term(canonical_double(value), datatype or XSD_DOUBLE)
        return literal_term(str(int(value)), datatype or XSD_INTEGER)
    if isinstance(value, int):
        if abs(value) >= 10**21:
            raise FastPathUnsupported
        return literal_term(str(value), datatype or XSD_INTEGER)
    if isinstance(value, str):
        if datatype is None and language is not None:
            return literal_term(value, language=language)
        return literal_term(value, datatype)
    raise FastPathUnsupported


class _Walker:
    """One document's conversion: walks node objects and collects quads."""

    __slots__ = ("quads", "bnode_counter")

    def __init__(self) -> None:
        self.quads: list[Quad] = []
        self.bnode_counter = 0

    def new_bnode(self) -> str:
        self.bnode_counter += 1
        return f"_:g{self.bnode_counter}"

    def node(self, term_ctx: ActiveContext, active_property: str | None, element: dict) -> str:
        if not element or "@value" in element:
            raise FastPathUnsupported
        ctx = term_ctx
        scoped = term_ctx.term(active_property).scoped_context if active_property is not None else None
        if ctx.previous is not None:
            only_id = len(element) == 1 and ctx.expand_vocab(next(iter(element))) == "@id"
            if not only_id:
                ctx = ctx.previous
        if scoped is not None:
            ctx = ctx.with_scoped(scoped, propagate=True, override_protected=True)
        if "@context" in element:
            if len(element) == 1:
                raise FastPathUnsupported
            ctx = ctx.with_embedded(element["@context"])
        type_scoped_ctx = ctx
        type_keys = []
        for key in sorted(element):
            if key != "@context" and ctx.expand_vocab(key) == "@type":
                type_keys.append(key)
        for key in type_keys:
            values = element[key]
            values = values if isinstance(values, list) else [values]
            for type_name in sorted(value for value in values if isinstance(value, str)):
                local = type_scoped_ctx.term(type_name).scoped_context
                if local is not None and local is not False:
                    ctx = ctx.with_scoped(local, propagate=False, override_protected=False)
        subject = None
        pending: list[tuple[str, str]] = []  # (predicate term, object term) once the subject is known
        for key, value in element.items():
            if key == "@context":
                continue
            info = ctx.term(key)
            expanded = info.expanded
            if expanded == "@id":
                if not isinstance(value, str):
                    raise FastPathUnsupported
                subject = _node_term(ctx.expand_id(value))
            elif expanded == "@type":
                for type_name in value if isinstance(value, list) else [value]:
                    if not isinstance(type_name, str):
                        raise FastPathUnsupported
                    pending.append((RDF_TYPE, _node_term(type_scoped_ctx.expand_vocab(type_name))))
            else:
                predicate = self.predicate(info)
                self.values(ctx, key, info, predicate, value, pending)
        if subject is None:
            subject = self.new_bnode()
        append = self.quads.append
        for predicate, obj in pending:
            append((subject, predicate, obj, ""))
        return subject

    @staticmethod
    def predicate(info: Any) -> str:
        expanded = info.expanded
        if (
            expanded is None
            or expanded[:1] == "@"
            or expanded[:2] == "_:"
            or info.reverse
            or _ABSOLUTE_IRI.match(expanded) is None
            or _UNSAFE_IRI_CHARS.search(expanded)
        ):
            raise FastPathUnsupported
        for container in info.container:
            if container != "@set":
                raise FastPathUnsupported
        if info.type_mapping == "@json":
            raise FastPathUnsupported
        return iri_term(expanded)

    def values(self, ctx: ActiveContext, key: str, info: Any, predicate: str, value: Any, pending: list) -> None:
        term_ctx = ctx
        if info.scoped_context is not None:
            term_ctx = ctx.with_scoped(info.scoped_context, propagate=True, override_protected=True)
            value_info = term_ctx.term(key)
            if value_info.expanded != info.expanded:
                raise FastPathUnsupported
        else:
            value_info = info
        for item in value if isinstance(value, list) else [value]:
            if item is None:
                continue
            if isinstance(item, dict):
                if "@value" in item:
                    pending.append((predicate, self.value_object(term_ctx, key, item)))
                else:
                    pending.append((predicate, self.node(term_ctx, key, item)))
            elif isinstance(item, list):
                raise FastPathUnsupported
            else:
                pending.append((predicate, self.scalar(term_ctx, value_info, item)))

    @staticmethod
    def scalar(term_ctx: ActiveContext, info: Any, value: Any) -> str:
        type_mapping = info.type_mapping
        if isinstance(value, str):
            if type_mapping == "@id":
                return _node_term(term_ctx.expand_id(value))
            if type_mapping == "@vocab":
                return _node_term(term_ctx.expand_vocab(value))
        if type_mapping is not None and type_mapping not in ("@id", "@vocab", "@none"):
            if _ABSOLUTE_IRI.match(type_mapping) is None or type_mapping[:2] == "_:":
                raise FastPathUnsupported
            return _literal(value, type_mapping, None)
        if isinstance(value, str):
            if info.direction is not None:
                raise FastPathUnsupported
            return _literal(value, None, info.language)
        return _literal(value, None, None)

    @staticmethod
    def value_object(term_ctx: ActiveContext, key: str, item: dict) -> str:
        scoped = term_ctx.term(key).scoped_context
        ctx = term_ctx
        if scoped is not None:
            ctx = ctx.with_scoped(scoped, propagate=True, override_protected=True)
        if len(item) > 2 or not set(item) <= {"@value", "@language", "@type"}:
            raise FastPathUnsupported
        value = item["@value"]
        if value is None or isinstance(value, (dict, list)):
            raise FastPathUnsupported
        if "@language" in item:
            language = item["@language"]
            if not isinstance(value, str) or not isinstance(language, str):
                raise FastPathUnsupported
            if not _SIMPLE_LANGUAGE.fullmatch(language):
                raise FastPathUnsupported
            return literal_term(value, language=language.lower())
        if "@type" in item:
            datatype = item["@type"]
            if not isinstance(datatype, str):
                raise FastPathUnsupported
            iri = ctx.expand_vocab(datatype)
            if iri is None or iri[:1] == "@" or iri[:2] == "_:" or _ABSOLUTE_IRI.match(iri) is None:
                raise FastPathUnsupported
            return _literal(value, iri, None)
        return _literal(value, None, None)


def fast_document_quads(document: Any, engine: ContextEngine) -> list[Quad]:
    """Quads of a compacted JSON-LD document, or FastPathUnsupported when exactness is not certain."""
    if not isinstance(document, dict) or "@context" not in document:
        raise FastPathUnsupported
    walker = _Walker()
    top = {key: value for key, value in document.items() if key != "@context"}
    if not top:
        raise FastPathUnsupported
    ctx = engine.initial.with_embedded(document["@context"])
    for key in top:
        if ctx.expand_vocab(key) in ("@graph", "@included", "@reverse", "@nest"):
            raise FastPathUnsupported
    walker.node(ctx, None, top)
    return walker.quads

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
_MAX_TERM_CACHE = 4096


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


def _cached_term(cache: dict, value: str, expand: Any) -> str:
    term = cache.get(value)
    if term is None:
        if value in cache:
            raise FastPathUnsupported
        try:
            term = _node_term(expand(value))
        except FastPathUnsupported:
            term = None
        if len(cache) >= _MAX_TERM_CACHE:
            cache.clear()
        cache[value] = term
        if term is None:
            raise FastPathUnsupported
    return term


def _id_term(ctx: ActiveContext, value: str) -> str:
    return _cached_term(ctx.id_terms, value, ctx.expand_id)


def _vocab_term(ctx: ActiveContext, value: str) -> str:
    return _cached_term(ctx.type_terms, value, ctx.expand_vocab)


# How the fast path treats a key, precomputed once per (active context, key) and kept on the TermInfo.
_ID, _TYPE, _PROPERTY, _LANGUAGE_MAP, _UNSUPPORTED = range(5)
_LANGUAGE_CONTAINERS = (("@language",), ("@language", "@set"), ("@set", "@language"))


def _compile(info: Any) -> tuple[int, str | None]:
    compiled = info.compiled
    if compiled is None:
        expanded = info.expanded
        if expanded == "@id":
            compiled = (_ID, None)
        elif expanded == "@type":
            compiled = (_TYPE, None)
        elif (
            expanded is None
            or expanded[:1] == "@"
            or expanded[:2] == "_:"
            or info.reverse
            or _ABSOLUTE_IRI.match(expanded) is None
            or _UNSAFE_IRI_CHARS.search(expanded)
            or info.type_mapping == "@json"
        ):
            compiled = (_UNSUPPORTED, None)
        elif info.container in _LANGUAGE_CONTAINERS:
            compiled = (_LANGUAGE_MAP, iri_term(expanded))
        elif any(container != "@set" for container in info.container):
            compiled = (_UNSUPPORTED, None)
        else:
            compiled = (_PROPERTY, iri_term(expanded))
        info.compiled = compiled
    return compiled


def _literal(value: Any, datatype: str | None, language: str | None) -> str:
    if type(value) is str:
        if datatype is None:
            return literal_term(value, language=language) if language is not None else literal_term(value)
        if datatype != XSD_DOUBLE:
            return literal_term(value, datatype)
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
        type_keys = [key for key in element if key != "@context" and ctx.term(key).expanded == "@type"]
        if len(type_keys) > 1:
            type_keys.sort()
        for key in type_keys:
            values = element[key]
            if type(values) is str:
                values = [values]
            elif len(values) > 1:
                values = sorted(value for value in values if isinstance(value, str))
            for type_name in values:
                if type(type_name) is not str:
                    continue
                local = type_scoped_ctx.term(type_name).scoped_context
                if local is not None and local is not False:
                    ctx = ctx.with_scoped(local, propagate=False, override_protected=False)
        subject = None
        pending: list[tuple[str, str]] = []  # (predicate term, object term) once the subject is known
        append = pending.append
        for key, value in element.items():
            if key == "@context":
                continue
            info = ctx.term(key)
            kind, predicate = _compile(info)
            if kind == _PROPERTY:
                if info.scoped_context is None and type(value) is str:
                    append((predicate, self.scalar(ctx, info, value)))
                else:
                    self.values(ctx, key, info, predicate, value, pending)
            elif kind == _LANGUAGE_MAP:
                if type(value) is dict:
                    self.language_map(ctx, info, predicate, value, pending)
                else:
                    self.values(ctx, key, info, predicate, value, pending)
            elif kind == _TYPE:
                if type(value) is not str and type(value) is not list:
                    raise FastPathUnsupported
                for type_name in [value] if type(value) is str else value:
                    if type(type_name) is not str:
                        raise FastPathUnsupported
                    append((RDF_TYPE, _vocab_term(type_scoped_ctx, type_name)))
            elif kind == _ID:
                if type(value) is not str:
                    raise FastPathUnsupported
                subject = _id_term(ctx, value)
            else:
                raise FastPathUnsupported
        if subject is None:
            subject = self.new_bnode()
        quads = self.quads
        for predicate, obj in pending:
            quads.append((subject, predicate, obj, ""))
        return subject

    def values(self, ctx: ActiveContext, key: str, info: Any, predicate: str, value: Any, pending: list) -> None:
        term_ctx = ctx
        if info.scoped_context is not None:
            term_ctx = ctx.with_scoped(info.scoped_context, propagate=True, override_protected=True)
            value_info = term_ctx.term(key)
            if value_info.expanded != info.expanded:
                raise FastPathUnsupported
        else:
            value_info = info
        for item in value if type(value) is list else [value]:
            if item is None:
                continue
            if type(item) is dict:
                if "@value" in item:
                    pending.append((predicate, self.value_object(term_ctx, key, item)))
                else:
                    pending.append((predicate, self.node(term_ctx, key, item)))
            elif type(item) is list:
                raise FastPathUnsupported
            else:
                pending.append((predicate, self.scalar(term_ctx, value_info, item)))

    @staticmethod
    def language_map(ctx: ActiveContext, info: Any, predicate: str, value: dict, pending: list) -> None:
        """Mirror pyld's language-map expansion: keys are language tags (or @none), values strings."""
        if info.direction is not None:
            raise FastPathUnsupported
        term_ctx = ctx
        if info.scoped_context is not None:
            term_ctx = ctx.with_scoped(info.scoped_context, propagate=True, override_protected=True)
        for language, items in value.items():
            if term_ctx.expand_vocab(language) == "@none":
                tag = None
            elif _SIMPLE_LANGUAGE.fullmatch(language):
                tag = language.lower()
            else:
                raise FastPathUnsupported
            for item in items if type(items) is list else [items]:
                if item is None:
                    continue
                if type(item) is not str:
                    raise FastPathUnsupported
                pending.append((predicate, literal_term(item, language=tag) if tag else literal_term(item)))

    @staticmethod
    def scalar(term_ctx: ActiveContext, info: Any, value: Any) -> str:
        type_mapping = info.type_mapping
        if type_mapping is None:
            if type(value) is str:
                if info.direction is not None:
                    raise FastPathUnsupported
                return _literal(value, None, info.language)
            return _literal(value, None, None)
        if type(value) is str:
            if type_mapping == "@id":
                return _id_term(term_ctx, value)
            if type_mapping == "@vocab":
                return _vocab_term(term_ctx, value)
        if type_mapping not in ("@id", "@vocab", "@none"):
            if _ABSOLUTE_IRI.match(type_mapping) is None or type_mapping[:2] == "_:":
                raise FastPathUnsupported
            return _literal(value, type_mapping, None)
        if type(value) is str:
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

"""Cached pyld active contexts: each context list is processed once per loader, then reused by reference."""

from __future__ import annotations

import json
import threading
from typing import Any

from cachetools import LRUCache
from pyld.context_resolver import ContextResolver
from pyld.jsonld import JsonLdProcessor

from .document_loader import copy_json

_MISSING = object()
_MAX_CHILDREN = 256
_MAX_IRI_CACHE = 8192
_MAX_WRAPPED = 4096


class TermInfo:
    """What a compact key means in one active context (looked up once, then reused)."""

    __slots__ = (
        "expanded", "type_mapping", "container", "scoped_context", "language", "direction", "reverse", "compiled",
    )

    def __init__(self, context: ActiveContext, key: str):
        pyld_ctx = context.pyld
        self.expanded: str | None = context.expand_vocab(key)
        self.type_mapping = JsonLdProcessor.get_context_value(pyld_ctx, key, "@type")
        container = JsonLdProcessor.get_context_value(pyld_ctx, key, "@container")
        self.container = tuple(JsonLdProcessor.arrayify(container)) if container is not None else ()
        self.scoped_context = JsonLdProcessor.get_context_value(pyld_ctx, key, "@context")
        self.language = JsonLdProcessor.get_context_value(pyld_ctx, key, "@language")
        self.direction = JsonLdProcessor.get_context_value(pyld_ctx, key, "@direction")
        mapping = pyld_ctx["mappings"].get(key)
        self.reverse = bool(mapping and mapping.get("reverse"))
        self.compiled: Any = None  # filled in by the fast to-RDF path with its own precomputed view


class ActiveContext:
    """A processed pyld active context plus lookup caches and its already-derived child contexts."""

    __slots__ = ("pyld", "engine", "previous", "terms", "children", "_vocab_iris", "_id_iris", "id_terms", "type_terms")

    def __init__(self, pyld_ctx: dict, engine: ContextEngine):
        self.pyld = pyld_ctx
        self.engine = engine
        previous = pyld_ctx.get("previousContext")
        self.previous: ActiveContext | None = engine.wrap(previous) if previous else None
        self.terms: dict[str, TermInfo] = {}
        self.children: dict[Any, tuple[Any, ActiveContext]] = {}
        self._vocab_iris: dict[str, str | None] = {}
        self._id_iris: dict[str, str | None] = {}
        # Caches for the fast to-RDF path: compact value -> N-Quads term (or None when it cannot be used).
        self.id_terms: dict[str, str | None] = {}
        self.type_terms: dict[str, str | None] = {}

    def term(self, key: str) -> TermInfo:
        info = self.terms.get(key)
        if info is None:
            info = TermInfo(self, key)
            if len(self.terms) < _MAX_IRI_CACHE:
                self.terms[key] = info
        return info

    def expand_vocab(self, value: str) -> str | None:
        """IRI-expand a key or type (vocabulary-relative; no base, so relative stays relative)."""
        iri = self._vocab_iris.get(value, _MISSING)
        if iri is _MISSING:
            iri = self.engine.processor._expand_iri(self.pyld, value, base=None, vocab=True)
            if len(self._vocab_iris) < _MAX_IRI_CACHE:
                self._vocab_iris[value] = iri
        return iri  # type: ignore[return-value]

    def expand_id(self, value: str) -> str | None:
        """IRI-expand an @id value (document-relative with no base: relative stays relative)."""
        iri = self._id_iris.get(value, _MISSING)
        if iri is _MISSING:
            iri = self.engine.processor._expand_iri(self.pyld, value, base=None, vocab=False)
            if len(self._id_iris) < _MAX_IRI_CACHE:
                self._id_iris[value] = iri
        return iri  # type: ignore[return-value]

    def with_scoped(self, local: Any, *, propagate: bool, override_protected: bool) -> ActiveContext:
        """Apply a context object found in a term definition (cached by object identity)."""
        key = (id(local), propagate, override_protected)
        hit = self.children.get(key)
        if hit is not None and hit[0] is local:
            return hit[1]
        child = self.engine.process(self, local, propagate=propagate, override_protected=override_protected)
        if len(self.children) < _MAX_CHILDREN:
            self.children[key] = (local, child)
        return child

    def with_embedded(self, local: Any) -> ActiveContext:
        """Apply a context that appears in a document (cached by its JSON text)."""
        key = ("embedded", json.dumps(local, sort_keys=True, separators=(",", ":")))
        hit = self.children.get(key)
        if hit is not None:
            return hit[1]
        child = self.engine.process(self, copy_json(local), propagate=True, override_protected=False)
        if len(self.children) < _MAX_CHILDREN:
            self.children[key] = (None, child)
        return child


class ContextEngine:
    """Processes contexts with pyld exactly once per (parent context, local context) for one loader."""

    def __init__(self, loader: Any):
        self.processor = JsonLdProcessor()
        self.resolver_cache = LRUCache(maxsize=1000)
        self._options = {
            "documentLoader": loader,
            "contextResolver": ContextResolver(self.resolver_cache, loader),
            "base": None,
            "processingMode": "json-ld-1.1",
            "isFrame": False,
        }
        self._wrapped: dict[int, tuple[dict, ActiveContext]] = {}
        self._lock = threading.RLock()
        self.initial = self.wrap(self.processor._get_initial_context(self._options))

    def wrap(self, pyld_ctx: dict) -> ActiveContext:
        hit = self._wrapped.get(id(pyld_ctx))
        if hit is not None and hit[0] is pyld_ctx:
            return hit[1]
        wrapped = ActiveContext(pyld_ctx, self)
        if len(self._wrapped) < _MAX_WRAPPED:
            self._wrapped[id(pyld_ctx)] = (pyld_ctx, wrapped)
        return wrapped

    def process(self, parent: ActiveContext, local: Any, *, propagate: bool, override_protected: bool):
        with self._lock:
            pyld_ctx = self.processor._process_context(
                parent.pyld, local, dict(self._options), override_protected=override_protected, propagate=propagate
            )
            return self.wrap(pyld_ctx)

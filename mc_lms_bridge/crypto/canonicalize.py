"""JSON-LD or N-Quads -> RDFC-1.0 canonical N-Quads (fast path when provably exact, pyld otherwise)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Mapping
from typing import Any

from pyld.jsonld import JsonLdError

from .active_contexts import ContextEngine
from .canonical_errors import (
    CanonicalizationError,
    CanonicalizationLimitError,
    JsonLdProcessingError,
    NQuadsSyntaxError,
    RelativeIriError,
    UndefinedTermError,
)
from .fast_to_rdf import FastPathUnsupported, fast_document_quads
from .nquads import Quad, parse_nquads
from .rdfc10 import CanonicalDataset, canonicalize_quads
from .safe_jsonld import safe_document_quads

__all__ = [
    "CanonicalizationError",
    "CanonicalizationLimitError",
    "JsonLdProcessingError",
    "NQuadsSyntaxError",
    "RelativeIriError",
    "UndefinedTermError",
    "canonicalize",
    "canonicalize_exact",
    "canonicalize_nquads",
    "context_engine",
    "document_quads",
]

_ENGINES: weakref.WeakKeyDictionary[Any, ContextEngine] = weakref.WeakKeyDictionary()
_ENGINES_LOCK = threading.Lock()


def context_engine(loader: Callable[..., Any]) -> ContextEngine:
    """The per-loader cache of processed contexts (created on first use, dropped with the loader)."""
    engine = _ENGINES.get(loader)
    if engine is None:
        with _ENGINES_LOCK:
            engine = _ENGINES.get(loader)
            if engine is None:
                engine = ContextEngine(loader)
                _ENGINES[loader] = engine
    return engine


def document_quads(document: Mapping[str, Any], loader: Callable[..., Any]) -> list[Quad]:
    """RDF quads of a JSON-LD document: the cached fast path, else pyld in safe mode."""
    try:
        return fast_document_quads(document, context_engine(loader))
    except (FastPathUnsupported, JsonLdError):
        # Context errors are re-raised by the general path with the precise exception type.
        return safe_document_quads(document, loader, context_engine(loader).resolver_cache)


def canonicalize(document: Mapping[str, Any], *, loader: Callable[..., Any]) -> str:
    """Canonical N-Quads (RDFC-1.0, SHA-256) of a JSON-LD document; contexts come only from ``loader``."""
    return canonicalize_quads(document_quads(document, loader)).nquads


def canonicalize_exact(document: Mapping[str, Any], *, loader: Callable[..., Any]) -> str:
    """Same result as canonicalize() but always through pyld's general expansion (reference path)."""
    return canonicalize_quads(safe_document_quads(document, loader, context_engine(loader).resolver_cache)).nquads


def canonicalize_nquads(text: str, *, hash_algorithm: str = "sha256") -> CanonicalDataset:
    """Canonicalize an N-Quads dataset with RDFC-1.0; returns the text and the issued blank node labels."""
    return canonicalize_quads(parse_nquads(text), hash_algorithm=hash_algorithm)

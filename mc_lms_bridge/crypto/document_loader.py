"""Strict offline JSON-LD document loader: pinned contexts plus caller-supplied documents, nothing else."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from pyld.jsonld import JsonLdError

from .pinned_contexts import PINNED_CONTEXTS, PinnedContext

DocumentLoader = Callable[..., dict[str, Any]]

_CONTEXTS_PACKAGE = "mc_lms_bridge.crypto.contexts"


class UnknownDocumentError(JsonLdError):
    """A JSON-LD processor asked for a URL that is neither pinned nor supplied by the caller."""

    def __init__(self, url: str):
        super().__init__(
            f"Refusing to load {url!r}: it is neither a pinned context nor a document supplied by the caller.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading remote context failed",
        )
        self.url = url

    def __str__(self) -> str:
        return self.args[0]


class PinnedContextIntegrityError(Exception):
    """A pinned context file's bytes do not match the sha256 recorded in the pin table."""


class ExtraDocumentError(ValueError):
    """A caller-supplied document is malformed or tries to replace a pinned context."""


def read_pinned_bytes(pin: PinnedContext) -> bytes:
    """Return the raw bytes of one pinned context file from package data."""
    return resources.files(_CONTEXTS_PACKAGE).joinpath(pin.file_name).read_bytes()


def _load_verified_pinned(url: str, pin: PinnedContext) -> Any:
    raw = read_pinned_bytes(pin)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != pin.sha256:
        raise PinnedContextIntegrityError(
            f"Pinned context {pin.file_name} for {url} has sha256 {digest}, expected {pin.sha256}."
        )
    return json.loads(raw)


class _PinnedCache:
    """Process-wide cache of verified, parsed pinned contexts (each file hashed once)."""

    def __init__(self) -> None:
        self._documents: dict[str, Any] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Any:
        document = self._documents.get(url)
        if document is None:
            with self._lock:
                document = self._documents.get(url)
                if document is None:
                    document = _load_verified_pinned(url, PINNED_CONTEXTS[url])
                    self._documents[url] = document
        return document


_PINNED_CACHE = _PinnedCache()


def copy_json(value: Any) -> Any:
    """Deep-copy a parsed JSON value (dicts, lists, scalars) much faster than copy.deepcopy."""
    if isinstance(value, dict):
        return {key: copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_json(item) for item in value]
    return value


class StrictDocumentLoader:
    """pyld-compatible loader callable: ``loader(url, options=None)`` -> RemoteDocument dict."""

    def __init__(self, extra_documents: Mapping[str, Any] | None = None):
        extras: dict[str, Any] = {}
        for url, document in (extra_documents or {}).items():
            if not isinstance(url, str) or not url:
                raise ExtraDocumentError("Every supplied document must be keyed by a non-empty URL string.")
            if url in PINNED_CONTEXTS:
                raise ExtraDocumentError(f"Supplied document for {url} would replace a pinned context.")
            if not isinstance(document, dict):
                raise ExtraDocumentError(f"Supplied document for {url} must be a JSON object.")
            extras[url] = copy_json(document)
        self._extras = extras

    def knows(self, url: str) -> bool:
        """Return True when this loader can serve ``url`` without touching the network."""
        return url in PINNED_CONTEXTS or url in self._extras

    def parsed_document(self, url: str) -> Any:
        """Return the shared parsed document for ``url`` (callers must not mutate it)."""
        if url in PINNED_CONTEXTS:
            return _PINNED_CACHE.get(url)
        if url in self._extras:
            return self._extras[url]
        raise UnknownDocumentError(url)

    def __call__(self, url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        # pyld mutates what it is given, so every caller receives its own copy of the cached document.
        return {"contextUrl": None, "documentUrl": url, "document": copy_json(self.parsed_document(url))}

    def __repr__(self) -> str:
        return f"StrictDocumentLoader(pinned={len(PINNED_CONTEXTS)}, extra={sorted(self._extras)})"


_PINNED_ONLY: StrictDocumentLoader | None = None


def strict_document_loader(extra_documents: Mapping[str, Any] | None = None) -> StrictDocumentLoader:
    """A loader that serves only pinned contexts and ``extra_documents`` (e.g. our did:web documents).

    Without extras every caller shares one loader, so the contexts it serves are processed once per process
    (processed contexts are cached per loader) instead of once per credential.
    """
    global _PINNED_ONLY
    if extra_documents:
        return StrictDocumentLoader(extra_documents)
    if _PINNED_ONLY is None:
        _PINNED_ONLY = StrictDocumentLoader()
    return _PINNED_ONLY

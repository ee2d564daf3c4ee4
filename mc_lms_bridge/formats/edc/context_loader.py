"""Strict, offline JSON-LD document loader that knows only the VC 1.1 and EDC application-profile contexts."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from mc_lms_bridge.formats.edc.errors import EdcContextError

# URL -> file shipped in mc_lms_bridge/formats/edc/data/ (copies of the official documents, see docs/edc-mapping.md).
PINNED_EDC_CONTEXTS = {
    "https://www.w3.org/2018/credentials/v1": "credentials-v1.jsonld",
    "http://data.europa.eu/snb/model/context/edc-ap": "edc-ap-context-elm-3.2.jsonld",
}


@cache
def pinned_context(url: str) -> dict:
    """The parsed pinned context document for ``url`` (read once from package data)."""
    file_name = PINNED_EDC_CONTEXTS[url]
    text = resources.files("mc_lms_bridge.formats.edc").joinpath("data", file_name).read_text("utf-8")
    return json.loads(text)


def edc_document_loader(url: str, options: dict | None = None) -> dict:
    """pyld document loader: return a pinned context, raise EdcContextError for any other URL (no network)."""
    if url not in PINNED_EDC_CONTEXTS:
        raise EdcContextError(
            f"The JSON-LD context {url!r} is not one of the pinned EDC contexts and will not be fetched."
        )
    return {"contextUrl": None, "documentUrl": url, "document": pinned_context(url)}


@cache
def defined_terms() -> frozenset[str]:
    """Every term the pinned contexts define (including type-scoped ones), to catch silently dropped keys."""
    terms: set[str] = set()

    def collect(context: object) -> None:
        if isinstance(context, dict):
            for term, definition in context.items():
                if not term.startswith("@"):
                    terms.add(term)
                if isinstance(definition, dict) and "@context" in definition:
                    collect(definition["@context"])
        elif isinstance(context, list):
            for item in context:
                collect(item)

    for url in PINNED_EDC_CONTEXTS:
        collect(pinned_context(url)["@context"])
    return frozenset(terms)


@cache
def language_map_terms() -> frozenset[str]:
    """Terms whose values are ``@language`` containers (their keys are language tags, not terms)."""
    terms: set[str] = set()
    for url in PINNED_EDC_CONTEXTS:
        context = pinned_context(url)["@context"]
        for ctx in context if isinstance(context, list) else [context]:
            for term, definition in ctx.items():
                if isinstance(definition, dict) and definition.get("@container") == "@language":
                    terms.add(term)
    return frozenset(terms)

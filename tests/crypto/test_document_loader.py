"""The strict loader serves only pinned and supplied documents, and pyld never reaches the network."""

from __future__ import annotations

import pytest
from pyld import jsonld

from mc_lms_bridge.crypto import document_loader
from mc_lms_bridge.crypto.canonicalize import canonicalize, canonicalize_exact
from mc_lms_bridge.crypto.document_loader import (
    ExtraDocumentError,
    PinnedContextIntegrityError,
    UnknownDocumentError,
    strict_document_loader,
)
from mc_lms_bridge.crypto.pinned_contexts import PinnedContext

from .vectors import EXAMPLES, load_json

VC2 = "https://www.w3.org/ns/credentials/v2"
DID_DOC_URL = "https://issuer.example/.well-known/did.json"


def test_pinned_context_is_served_in_pyld_shape():
    remote = strict_document_loader()(VC2)
    assert remote["documentUrl"] == VC2
    assert remote["contextUrl"] is None
    assert remote["document"]["@context"]["@protected"] is True


def test_unknown_url_is_refused_with_a_specific_error():
    loader = strict_document_loader()
    with pytest.raises(UnknownDocumentError, match="https://evil.example/ctx"):
        loader("https://evil.example/ctx")


def test_unknown_document_error_is_a_pyld_error():
    assert issubclass(UnknownDocumentError, jsonld.JsonLdError)


def test_extra_documents_are_served_and_copied():
    did_document = {"@context": [VC2], "id": "did:web:issuer.example"}
    loader = strict_document_loader({DID_DOC_URL: did_document})
    served = loader(DID_DOC_URL)["document"]
    assert served == did_document
    served["id"] = "changed"
    assert loader(DID_DOC_URL)["document"]["id"] == "did:web:issuer.example"


def test_served_pinned_documents_cannot_be_corrupted_by_callers():
    loader = strict_document_loader()
    loader(VC2)["document"]["@context"]["id"] = "tampered"
    assert loader(VC2)["document"]["@context"]["id"] == "@id"


def test_extra_documents_cannot_replace_pinned_contexts():
    with pytest.raises(ExtraDocumentError, match="pinned"):
        strict_document_loader({VC2: {"@context": {}}})


def test_extra_documents_must_be_objects():
    with pytest.raises(ExtraDocumentError):
        strict_document_loader({DID_DOC_URL: ["not", "an", "object"]})


def test_integrity_mismatch_is_detected():
    wrong = PinnedContext("credentials-v2.jsonld", "0" * 64)
    with pytest.raises(PinnedContextIntegrityError, match="expected 0000"):
        document_loader._load_verified_pinned(VC2, wrong)


def test_document_with_unknown_context_is_refused_by_canonicalization():
    document = {"@context": [VC2, "https://unknown.example/context.jsonld"], "type": ["VerifiableCredential"]}
    with pytest.raises(UnknownDocumentError):
        canonicalize(document, loader=strict_document_loader())


def test_pyld_default_loader_is_never_used():
    calls = []

    def network_loader(url, options=None):
        calls.append(url)
        raise AssertionError("network loader must not be called")

    previous = jsonld.get_document_loader()
    jsonld.set_document_loader(network_loader)
    try:
        credential = load_json(EXAMPLES / "constructed-ob3-microcredential-unsigned.json")
        loader = strict_document_loader()
        assert canonicalize(credential, loader=loader) == canonicalize_exact(credential, loader=loader)
        with pytest.raises(UnknownDocumentError):
            canonicalize({"@context": ["https://not-pinned.example/"], "name": "x"}, loader=loader)
    finally:
        jsonld.set_document_loader(previous)
    assert calls == []

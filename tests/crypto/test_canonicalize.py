"""JSON-LD canonicalization reproduces the official vectors and refuses what safe mode forbids."""

from __future__ import annotations

import pytest

from mc_lms_bridge.crypto.canonicalize import (
    RelativeIriError,
    UndefinedTermError,
    canonicalize,
    canonicalize_exact,
    canonicalize_nquads,
    context_engine,
)
from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.crypto.fast_to_rdf import FastPathUnsupported, fast_document_quads

from .vectors import EXAMPLES, OB3_VECTOR, VC_DI_EDDSA, load_json, read_text

RDFC_DIR = VC_DI_EDDSA / "eddsa-rdfc-2022"
VC1 = "https://www.w3.org/2018/credentials/v1"
VC2 = "https://www.w3.org/ns/credentials/v2"


@pytest.fixture(scope="module")
def loader():
    return strict_document_loader()


@pytest.mark.parametrize("canon", [canonicalize, canonicalize_exact])
def test_w3c_unsigned_credential(loader, canon):
    document = load_json(VC_DI_EDDSA / "unsigned.json")
    assert canon(document, loader=loader) == read_text(RDFC_DIR / "canonDocDataInt.txt")


@pytest.mark.parametrize("canon", [canonicalize, canonicalize_exact])
def test_w3c_proof_configuration(loader, canon):
    config = load_json(RDFC_DIR / "proofConfigDataInt.json")
    assert canon(config, loader=loader) == read_text(RDFC_DIR / "proofCanonDataInt.txt")


@pytest.mark.parametrize("canon", [canonicalize, canonicalize_exact])
def test_1edtech_ob3_vector(loader, canon):
    vector = load_json(OB3_VECTOR / "vector.json")
    config = {**vector["proofOptions"], "@context": vector["unsignedCredential"]["@context"]}
    assert canon(vector["unsignedCredential"], loader=loader) == read_text(OB3_VECTOR / "document-canon.nq")
    assert canon(config, loader=loader) == read_text(OB3_VECTOR / "proof-canon.nq")


def test_employment_vector_canonical_form_is_a_fixed_point():
    # Its citizenship/v4rc1 context is not among the pinned documents, so the vector is checked from N-Quads.
    canonical = read_text(RDFC_DIR / "employ" / "canonDocDataInt.txt")
    assert canonicalize_nquads(canonical).nquads == canonical
    relabelled = canonical.replace("_:c14n0", "_:zz").replace("_:c14n2", "_:c14n0").replace("_:zz", "_:c14n2")
    assert relabelled != canonical
    assert canonicalize_nquads(relabelled).nquads == canonical


def test_realistic_credential_takes_the_fast_path_and_matches_the_exact_path(loader):
    credential = load_json(EXAMPLES / "constructed-ob3-microcredential-unsigned.json")
    assert fast_document_quads(credential, context_engine(loader))
    assert canonicalize(credential, loader=loader) == canonicalize_exact(credential, loader=loader)


def test_input_document_is_not_modified(loader):
    credential = load_json(EXAMPLES / "constructed-ob3-microcredential-unsigned.json")
    before = load_json(EXAMPLES / "constructed-ob3-microcredential-unsigned.json")
    canonicalize(credential, loader=loader)
    canonicalize_exact(credential, loader=loader)
    assert credential == before


@pytest.mark.parametrize("canon", [canonicalize, canonicalize_exact])
def test_undefined_property_raises(loader, canon):
    document = {"@context": [VC1], "type": ["VerifiableCredential"], "notInAnyContext": "dropped?"}
    with pytest.raises(UndefinedTermError, match="not defined"):
        canon(document, loader=loader)


@pytest.mark.parametrize("canon", [canonicalize, canonicalize_exact])
def test_undefined_type_raises(loader, canon):
    document = {"@context": [VC1], "id": "urn:uuid:1", "type": ["VerifiableCredential", "NoSuchType"]}
    with pytest.raises(RelativeIriError, match="NoSuchType"):
        canon(document, loader=loader)


@pytest.mark.parametrize("canon", [canonicalize, canonicalize_exact])
def test_relative_id_raises_because_there_is_no_base(loader, canon):
    document = {"@context": [VC2], "id": "credentials/1", "type": ["VerifiableCredential"]}
    with pytest.raises(RelativeIriError, match="credentials/1"):
        canon(document, loader=loader)


@pytest.mark.parametrize("canon", [canonicalize, canonicalize_exact])
def test_undefined_claim_in_a_vc2_credential_raises(loader, canon):
    # The published VC 2.0 context has no @vocab, so an undeclared claim would silently vanish.
    document = {"@context": [VC2], "type": ["VerifiableCredential"], "customClaim": "kept?"}
    with pytest.raises(UndefinedTermError, match="customClaim"):
        canon(document, loader=loader)


def test_claim_declared_in_an_inline_context_is_kept(loader):
    document = {
        "@context": [VC2, {"customClaim": "https://issuer.example/vocab#customClaim"}],
        "type": ["VerifiableCredential"],
        "customClaim": "kept",
    }
    assert '<https://issuer.example/vocab#customClaim> "kept"' in canonicalize(document, loader=loader)


def test_unsupported_shapes_fall_back_to_the_exact_path(loader):
    document = {
        "@context": [VC2, {"items": {"@id": "urn:ex:items", "@container": "@list"}}],
        "type": ["VerifiableCredential"],
        "items": ["a", "b"],
    }
    with pytest.raises(FastPathUnsupported):
        fast_document_quads(document, context_engine(loader))
    assert "<http://www.w3.org/1999/02/22-rdf-syntax-ns#first>" in canonicalize(document, loader=loader)
    assert canonicalize(document, loader=loader) == canonicalize_exact(document, loader=loader)

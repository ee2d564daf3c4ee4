"""eddsa-rdfc-2022 reproduces the W3C and 1EdTech vectors (hashes, signatures, proofValues) and verifies."""

from __future__ import annotations

import copy
import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mc_lms_bridge.crypto.canonicalize import canonicalize
from mc_lms_bridge.crypto.cryptosuites.eddsa_rdfc_2022 import (
    ProofCreationError,
    create_proof,
    hash_data,
    verify_proof,
)
from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.crypto.multibase import decode_base58btc
from mc_lms_bridge.crypto.multikey import decode_public_key, decode_secret_key

from ..vectors import EXAMPLES, OB3_VECTOR, VC_DI_EDDSA, load_json, read_text

RDFC_DIR = VC_DI_EDDSA / "eddsa-rdfc-2022"
W3C_KEYS = load_json(VC_DI_EDDSA / "keyPair.json")
OB3 = load_json(OB3_VECTOR / "vector.json")


@pytest.fixture(scope="module")
def loader():
    return strict_document_loader()


def _w3c_public_key(_method):
    return decode_public_key(W3C_KEYS["publicKeyMultibase"])


def _ob3_public_key(_method):
    return decode_public_key(OB3["keyPair"]["publicKeyMultibase"])


@pytest.mark.parametrize("folder", ["", "employ"])
def test_w3c_hashes_and_signature_from_canonical_forms(folder):
    base = RDFC_DIR / folder if folder else RDFC_DIR
    canonical_document = read_text(base / "canonDocDataInt.txt")
    canonical_proof = read_text(base / "proofCanonDataInt.txt")
    combined = hash_data(canonical_proof, canonical_document)
    assert combined[32:].hex() == read_text(base / "docHashDataInt.txt").strip()
    assert combined[:32].hex() == read_text(base / "proofHashDataInt.txt").strip()
    assert combined.hex() == read_text(base / "combinedHashDataInt.txt").strip()
    signature = decode_secret_key(W3C_KEYS["privateKeyMultibase"]).sign(combined)
    assert signature.hex() == read_text(base / "sigHexDataInt.txt").strip()
    proof_value = load_json(base / "signedDataInt.json")["proof"]["proofValue"]
    assert decode_base58btc(proof_value) == signature
    assert read_text(base / "sigBTC58DataInt.txt").strip() == proof_value


def test_w3c_signed_credential_is_reproduced_exactly(loader):
    signed = load_json(RDFC_DIR / "signedDataInt.json")
    result = create_proof(
        load_json(VC_DI_EDDSA / "unsigned.json"),
        private_key=decode_secret_key(W3C_KEYS["privateKeyMultibase"]),
        verification_method=signed["proof"]["verificationMethod"],
        created=signed["proof"]["created"],
        loader=loader,
    )
    assert result == signed


def test_1edtech_ob3_vector_is_reproduced_exactly(loader):
    options = OB3["proofOptions"]
    credential = OB3["unsignedCredential"]
    config = {**options, "@context": credential["@context"]}
    assert hashlib.sha256(canonicalize(credential, loader=loader).encode()).hexdigest() == OB3["documentHashHex"]
    assert hashlib.sha256(canonicalize(config, loader=loader).encode()).hexdigest() == OB3["proofHashHex"]
    signed = create_proof(
        credential,
        private_key=decode_secret_key(OB3["keyPair"]["secretKeyMultibase"]),
        verification_method=options["verificationMethod"],
        created=datetime(2010, 1, 1, 19, 23, 24, tzinfo=UTC),
        loader=loader,
    )
    assert signed["proof"]["proofValue"] == OB3["proofValue"]
    assert decode_base58btc(signed["proof"]["proofValue"]).hex() == OB3["signatureHex"]
    assert {key: signed["proof"][key] for key in options} == options
    assert "proof" not in credential


@pytest.mark.parametrize(
    ("path", "resolver"),
    [
        (RDFC_DIR / "signedDataInt.json", _w3c_public_key),
        (EXAMPLES / "constructed-ob3-microcredential-signed.json", _ob3_public_key),
        (EXAMPLES / "1edtech-validator-ob30-simple.json", _ob3_public_key),
    ],
)
def test_published_signed_credentials_verify(loader, path, resolver):
    result = verify_proof(load_json(path), resolve_public_key=resolver, loader=loader)
    assert result.verified, result.reason
    assert result.reason is None
    assert [check.name for check in result.checks][-1] == "signature"
    assert all(check.passed for check in result.checks)


def test_round_trip_with_a_fresh_key(loader):
    key = Ed25519PrivateKey.generate()
    credential = load_json(EXAMPLES / "constructed-ob3-microcredential-unsigned.json")
    signed = create_proof(credential, private_key=key, verification_method="did:web:x#k", loader=loader,
                          created=datetime.now(timezone(timedelta(hours=2))))
    assert signed["proof"]["created"].endswith("Z")
    assert verify_proof(signed, resolve_public_key=lambda _m: key.public_key(), loader=loader).verified


def _signed(loader):
    return load_json(RDFC_DIR / "signedDataInt.json")


def _failure(loader, document, resolver=_w3c_public_key, **kwargs):
    result = verify_proof(document, resolve_public_key=resolver, loader=loader, **kwargs)
    assert not result.verified
    failed = [check for check in result.checks if not check.passed]
    assert len(failed) == 1 and result.checks[-1] is failed[0]
    assert result.reason == failed[0].detail
    return failed[0]


def test_tampered_claim_fails_the_signature_check(loader):
    document = _signed(loader)
    document["credentialSubject"]["alumniOf"] = "Another School"
    assert _failure(loader, document).name == "signature"


def test_tampered_proof_option_fails_the_signature_check(loader):
    document = _signed(loader)
    document["proof"]["created"] = "2023-02-24T23:36:39Z"
    assert _failure(loader, document).name == "signature"


@pytest.mark.parametrize(
    ("field", "value", "check"),
    [
        ("type", "Ed25519Signature2020", "type"),
        ("cryptosuite", "eddsa-jcs-2022", "cryptosuite"),
        ("proofPurpose", "authentication", "proofPurpose"),
        ("created", "yesterday", "created"),
        ("verificationMethod", 7, "verificationMethod"),
        ("proofValue", "not-multibase", "proofValue"),
        ("proofValue", "z3", "proofValue"),
    ],
)
def test_malformed_proofs_fail_the_matching_check(loader, field, value, check):
    document = _signed(loader)
    document["proof"][field] = value
    assert _failure(loader, document).name == check


def test_missing_proof_is_reported(loader):
    document = load_json(VC_DI_EDDSA / "unsigned.json")
    assert _failure(loader, document).name == "proof"


def test_non_object_document_is_reported(loader):
    assert _failure(loader, ["not", "a", "credential"]).name == "proof"


def test_resolver_errors_become_a_failed_check(loader):
    def resolver(method):
        raise LookupError(f"unknown verification method {method}")

    check = _failure(loader, _signed(loader), resolver=resolver)
    assert check.name == "publicKey" and "unknown verification method" in check.detail


def test_wrong_key_fails_the_signature_check(loader):
    other = Ed25519PrivateKey.generate().public_key()
    assert _failure(loader, _signed(loader), resolver=lambda _m: other).name == "signature"


def test_undefined_term_fails_canonicalization_without_raising(loader):
    document = _signed(loader)
    document["@context"] = ["https://www.w3.org/ns/credentials/v2"]
    document["unexpected"] = True
    assert _failure(loader, document).name == "canonicalize"


def test_unknown_context_fails_canonicalization_without_raising(loader):
    document = _signed(loader)
    document["@context"] = [*document["@context"], "https://unknown.example/context"]
    check = _failure(loader, document)
    assert check.name == "canonicalize" and "unknown.example" in check.detail


def test_expected_purpose_is_configurable(loader):
    document = _signed(loader)
    assert _failure(loader, document, expected_proof_purpose="authentication").name == "proofPurpose"


def test_verification_does_not_modify_the_document(loader):
    document = _signed(loader)
    before = copy.deepcopy(document)
    verify_proof(document, resolve_public_key=_w3c_public_key, loader=loader)
    assert document == before


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"created": "2024-01-01"}, "dateTimeStamp"),
        ({"created": datetime(2024, 1, 1)}, "timezone-aware"),
        ({"verification_method": ""}, "verification method"),
        ({"private_key": "secret"}, "Ed25519 private key"),
    ],
)
def test_bad_signing_options_raise(loader, kwargs, message):
    arguments = {
        "private_key": decode_secret_key(W3C_KEYS["privateKeyMultibase"]),
        "verification_method": "did:web:x#k",
        "created": "2024-01-01T00:00:00Z",
        "loader": loader,
        **kwargs,
    }
    with pytest.raises(ProofCreationError, match=message):
        create_proof(load_json(VC_DI_EDDSA / "unsigned.json"), **arguments)


def test_signing_an_already_signed_document_raises(loader):
    with pytest.raises(ProofCreationError, match="already carries a proof"):
        create_proof(_signed(loader), private_key=Ed25519PrivateKey.generate(), verification_method="did:web:x#k",
                     created="2024-01-01T00:00:00Z", loader=loader)


def test_errors_do_not_reveal_the_private_key(loader):
    secret = W3C_KEYS["privateKeyMultibase"]
    with pytest.raises(ProofCreationError) as caught:
        create_proof({"@context": ["https://unknown.example/"], "name": "x"},
                     private_key=decode_secret_key(secret), verification_method="did:web:x#k",
                     created="2024-01-01T00:00:00Z", loader=loader)
    assert secret not in str(caught.value) and secret not in repr(caught.value)


def test_vc11_credential_needs_the_data_integrity_context(loader):
    # VCDM 1.1 + edc-ap do not define the proof terms; safe mode refuses instead of dropping them.
    credential = load_json(EXAMPLES / "minimal-microcredential-elm32.jsonld")
    with pytest.raises(ProofCreationError, match="created"):
        create_proof(credential, private_key=Ed25519PrivateKey.generate(), verification_method="did:web:x#k",
                     created="2025-06-30T10:00:00Z", loader=loader)


def test_edc_credential_round_trip(loader):
    key = Ed25519PrivateKey.generate()
    credential = load_json(EXAMPLES / "minimal-microcredential-elm32.jsonld")
    credential["@context"].append("https://w3id.org/security/data-integrity/v2")
    signed = create_proof(credential, private_key=key, verification_method="did:web:x#k",
                          created="2025-06-30T10:00:00Z", loader=loader)
    assert verify_proof(signed, resolve_public_key=lambda _m: key.public_key(), loader=loader).verified
    signed["credentialSubject"]["hasClaim"][0]["title"] = {"en": "Changed"}
    assert verify_proof(signed, resolve_public_key=lambda _m: key.public_key(), loader=loader).reason == (
        "The Ed25519 signature does not match the document and proof."
    )

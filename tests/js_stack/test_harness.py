"""Proves the independent-verifier harness: real passes, tamper/refusal failures, status bits, DID resolution."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from tests import independent_verifier as iv

DATA = Path(__file__).resolve().parents[1] / "data" / "js_stack"
ISSUER = "https://lms.example.edu/ob3/issuers/1"
STATUS_LIST = "https://lms.example.edu/ob3/status/1"
DID = "did:web:lms.example.edu"
UNKNOWN_CONTEXT = "https://contexts.example.org/not-pinned/v1.jsonld"

# sha256 of the official contexts (must equal the published files listed in the standards SOURCES.md).
PINNED_CONTEXTS = {
    "credentials-v2.jsonld": "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
    "ob-v3p0-context-3.0.3.json": "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84",
    "ob-v3p0-extensions.json": "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3",
    "data-integrity-v2.jsonld": "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
    "multikey-v1.jsonld": "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
    "did-v1.jsonld": "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f",
    "vc-bitstring-status-list-v1.jsonld": "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c",
}


def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


SIGNED = _load("constructed-ob3-microcredential-signed.json")
UNSIGNED = _load("constructed-ob3-microcredential-unsigned.json")
STATUS_LIST_VC = _load("constructed-bitstring-status-list-credential-signed.json")
CONTROLLER = _load("constructed-controller-document.json")
KEY_PAIR = _load("1edtech-ob3-eddsa-rdfc-2022-vector.json")["keyPair"]
MULTIBASE = KEY_PAIR["publicKeyMultibase"]
DOCS = {ISSUER: CONTROLLER, STATUS_LIST: STATUS_LIST_VC}
METHOD_DOC = _load("constructed-multikey-verification-method.json")


def _test_key(controller: str, key_id: str) -> dict:
    return {
        "id": key_id,
        "controller": controller,
        "publicKeyMultibase": MULTIBASE,
        "secretKeyMultibase": KEY_PAIR["secretKeyMultibase"],
    }


def _did_document(*, authorize: bool) -> dict:
    key_id = f"{DID}#key-1"
    doc = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": DID,
        "verificationMethod": [
            {"id": key_id, "type": "Multikey", "controller": DID, "publicKeyMultibase": MULTIBASE}
        ],
    }
    if authorize:
        doc["assertionMethod"] = [key_id]
    return doc


def _modified(credential: dict, path: tuple, value) -> dict:
    changed = copy.deepcopy(credential)
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


@pytest.fixture(scope="module")
def fixtures() -> dict:
    """Credentials signed with the PUBLIC 1EdTech test key through tests/js/sign.mjs (one node process)."""
    revoked = copy.deepcopy(UNSIGNED)
    revoked["id"] = "urn:uuid:2f0c6a52-3c1e-4b8e-9f7a-0d3b2f6b1c23"
    revoked["credentialStatus"].update(id=f"{STATUS_LIST}#23", statusListIndex="23")
    did_issued = copy.deepcopy(UNSIGNED)
    del did_issued["credentialStatus"]
    did_issued["issuer"]["id"] = DID
    created = "2025-06-30T12:00:05Z"
    resigned, revoked_signed, did_signed = iv.sign_many([
        {"credential": UNSIGNED, "key": _test_key(ISSUER, f"{ISSUER}#{MULTIBASE}"), "created": created},
        {"credential": revoked, "key": _test_key(ISSUER, f"{ISSUER}#{MULTIBASE}"), "created": created},
        {"credential": did_issued, "key": _test_key(DID, f"{DID}#key-1"), "created": created},
    ])
    return {"resigned": resigned, "revoked": revoked_signed, "did": did_signed}


@pytest.fixture(scope="module")
def results(fixtures) -> dict:
    """Every verification case, run in ONE node process through the batch mode."""
    unknown_ctx = copy.deepcopy(SIGNED)
    unknown_ctx["@context"].append(UNKNOWN_CONTEXT)
    tampered_list = _modified(STATUS_LIST_VC, ("validFrom",), "2025-06-29T00:00:00Z")
    other_key = copy.deepcopy(CONTROLLER)
    other_key["verificationMethod"][0]["publicKeyMultibase"] = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    cases = {
        "signed": {"credential": SIGNED, "documents": DOCS},
        "method_document": {"credential": SIGNED, "documents": {**DOCS, METHOD_DOC["id"]: METHOD_DOC}},
        "subject": {"credential": _modified(SIGNED, ("credentialSubject", "creditsEarned"), 4.0), "documents": DOCS},
        "issuer_name": {"credential": _modified(SIGNED, ("issuer", "name"), "Exemplary University"), "documents": DOCS},
        "valid_from": {"credential": _modified(SIGNED, ("validFrom",), "2025-06-29T12:00:00Z"), "documents": DOCS},
        "unknown_context": {"credential": unknown_ctx, "documents": DOCS},
        "no_status_list": {"credential": SIGNED, "documents": {ISSUER: CONTROLLER}},
        "status_skipped": {"credential": SIGNED, "documents": {ISSUER: CONTROLLER}, "check_status": False},
        "tampered_list": {
            "credential": fixtures["revoked"],
            "documents": {ISSUER: CONTROLLER, STATUS_LIST: tampered_list},
        },
        "other_key": {"credential": SIGNED, "documents": {ISSUER: other_key, STATUS_LIST: STATUS_LIST_VC}},
        "before_valid_from": {"credential": SIGNED, "documents": DOCS, "now": "2025-01-01T00:00:00Z"},
        "revoked": {"credential": fixtures["revoked"], "documents": DOCS},
        "did_web": {"credential": fixtures["did"], "documents": {DID: _did_document(authorize=True)}},
        "did_web_url": {
            "credential": fixtures["did"],
            "documents": {"https://lms.example.edu/.well-known/did.json": _did_document(authorize=True)},
        },
        "did_unauthorized": {"credential": fixtures["did"], "documents": {DID: _did_document(authorize=False)}},
    }
    return dict(zip(cases, iv.verify_many(cases.values()), strict=True))


def test_pinned_contexts_are_the_official_bytes():
    served = sorted(p.name for p in (iv.JS_DIR / "contexts").iterdir() if p.suffix in {".json", ".jsonld"})
    assert served == sorted(PINNED_CONTEXTS)
    for name, digest in PINNED_CONTEXTS.items():
        assert hashlib.sha256((iv.JS_DIR / "contexts" / name).read_bytes()).hexdigest() == digest, name


def test_constructed_example_verifies_with_its_controller_document(results):
    res = results["signed"]
    assert res["verified"] is True and res["valid"] is True, res["error"]
    assert res["error"] is None
    proof = res["raw"]["results"][0]
    assert proof["verified"] is True and proof["purposeValid"] is True
    assert proof["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    entry = res["statusResult"]["results"][0]
    assert (entry["statusListIndex"], entry["status"], res["revoked"]) == ("94567", False, False)


def test_separately_supplied_method_document_is_used(results):
    res = results["method_document"]
    assert res["verified"] is True, res["error"]
    assert res["raw"]["results"][0]["proof"]["verificationMethod"] == METHOD_DOC["id"]


def test_single_call_mode_agrees_with_batch_mode(results):
    single = iv.verify_with_digital_bazaar(SIGNED, DOCS)
    assert single == results["signed"]


@pytest.mark.parametrize("case", ["subject", "issuer_name", "valid_from"])
def test_tampered_copies_fail_on_the_signature(results, case):
    res = results[case]
    assert res["verified"] is False and res["valid"] is False
    assert "Invalid signature" in res["error"]


def test_unknown_context_is_refused_by_the_offline_loader(results):
    res = results["unknown_context"]
    assert res["verified"] is False
    assert UNKNOWN_CONTEXT in res["error"] and "refused" in res["error"]


def test_wrong_public_key_in_controller_document_fails(results):
    assert results["other_key"]["verified"] is False
    assert "Invalid signature" in results["other_key"]["error"]


def test_validity_period_is_checked_against_now(results):
    res = results["before_valid_from"]
    assert res["verified"] is False and "validFrom" in res["error"]


def test_status_list_must_be_supplied_when_status_is_checked(results):
    res = results["no_status_list"]
    assert res["verified"] is False
    assert STATUS_LIST in res["error"]


def test_status_check_can_be_skipped(results):
    res = results["status_skipped"]
    assert res["verified"] is True
    assert res["statusResult"] == {"verified": True, "skipped": True} and res["revoked"] is None


def test_sign_helper_reproduces_the_committed_signature(fixtures):
    assert fixtures["resigned"]["proof"] == SIGNED["proof"]


def test_entry_at_index_23_is_reported_revoked(results):
    res = results["revoked"]
    assert res["verified"] is True, res["error"]
    assert res["revoked"] is True and res["valid"] is False
    entry = res["statusResult"]["results"][0]
    assert (entry["statusListIndex"], entry["statusPurpose"], entry["status"]) == ("23", "revocation", True)


def test_tampered_status_list_credential_is_rejected(results):
    res = results["tampered_list"]
    assert res["verified"] is False and res["revoked"] is None
    assert "BitstringStatusListCredential\" not verified" in res["error"] and "Invalid signature" in res["error"]


@pytest.mark.parametrize("case", ["did_web", "did_web_url"])
def test_did_web_method_is_resolved_out_of_the_did_document(results, case):
    res = results[case]
    assert res["verified"] is True, res["error"]
    assert res["raw"]["results"][0]["proof"]["verificationMethod"] == f"{DID}#key-1"


def test_method_missing_from_assertion_method_is_not_authorized(results):
    res = results["did_unauthorized"]
    assert res["verified"] is False and "not authorized" in res["error"]


def test_harness_errors_exit_non_zero():
    node = iv._node()
    proc = subprocess.run([node, str(iv.VERIFY_SCRIPT)], input=b"not json", capture_output=True, check=False)
    assert proc.returncode == 2 and b"harness error" in proc.stderr
    with pytest.raises(iv.IndependentVerifierError, match="exited with 2"):
        iv._run(iv.VERIFY_SCRIPT, 42, timeout=60)


def test_missing_node_modules_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(iv, "JS_DIR", tmp_path)
    with pytest.raises(iv.IndependentVerifierError, match=r"cd tests/js && npm ci"):
        iv.verify_with_digital_bazaar(SIGNED, DOCS)

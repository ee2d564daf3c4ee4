"""did:web URLs, verification method resolution (did:web, did:key, https) and key extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mc_lms_bridge.crypto.keys import EDDSA, ES256, RS256, generate_private_key, public_jwk
from mc_lms_bridge.crypto.keys import ed25519_public_multikey as multikey
from mc_lms_bridge.verification.did_resolution import (
    DidResolutionError,
    did_web_to_url,
    public_key_for,
    resolve_verification_method,
)
from mc_lms_bridge.verification.fetching import FetchError, StaticFetcher

FIXTURES = Path(__file__).parents[1] / "data" / "js_stack"
DID = "did:web:example.org:orgs:acme"
DOC_URL = "https://example.org/orgs/acme/did.json"


def _raw(key) -> bytes:
    return key.public_bytes_raw() if hasattr(key, "public_bytes_raw") else key.public_numbers()


def _never_fetch(url: str) -> dict:
    raise AssertionError(f"did:key must resolve without fetching, but {url} was fetched")


def _document(*, method_id="#key-1", controller=DID, assertion=("#key-1",), doc_id=DID, key=None) -> dict:
    key = key or generate_private_key(EDDSA)
    return {"@context": ["https://www.w3.org/ns/did/v1"], "id": doc_id,
            "verificationMethod": [{"id": method_id, "type": "Multikey", "controller": controller,
                                    "publicKeyMultibase": multikey(key)}],
            "assertionMethod": list(assertion)}


@pytest.mark.parametrize(("did", "url"), [
    ("did:web:example.org", "https://example.org/.well-known/did.json"),
    ("did:web:example.org:orgs:acme", "https://example.org/orgs/acme/did.json"),
    ("did:web:localhost%3A8000", "https://localhost:8000/.well-known/did.json"),
    ("did:web:localhost%3a8000:orgs:univ-example", "https://localhost:8000/orgs/univ-example/did.json"),
    ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
])
def test_did_web_to_url(did, url):
    assert did_web_to_url(did) == url


def test_did_web_scheme_is_an_argument():
    assert did_web_to_url("did:web:localhost%3A8000:orgs:x", scheme="http") == "http://localhost:8000/orgs/x/did.json"
    with pytest.raises(DidResolutionError):
        did_web_to_url("did:web:example.org", scheme="ftp")


@pytest.mark.parametrize("did", [
    "did:web:", "did:key:z6Mk", "did:web:example.org#key-1", "did:web:example.org?x=1", "did:web:exa mple.org",
    "did:web:example.org/path", "did:web:example.org::x", "did:web:example.org:..", "did:web:-bad-.org",
    "did:web:example.org%3A", "did:web:example.org%3A99999", "did:web:example.org%3A80%3A81", "did:web:ex%41.org",
    "did:web:example.org%3Aabc", "did:web:example.org:a/b", None, 42,
])
def test_malformed_did_web_is_refused(did):
    with pytest.raises(DidResolutionError):
        did_web_to_url(did)


def test_did_web_method_by_relative_and_full_id():
    key = generate_private_key(EDDSA)
    for document in (_document(key=key), _document(key=key, method_id=f"{DID}#key-1", assertion=(f"{DID}#key-1",))):
        resolved = resolve_verification_method(f"{DID}#key-1", fetch=StaticFetcher({DOC_URL: document}))
        assert resolved.id == f"{DID}#key-1"
        assert resolved.controller == DID and resolved.document_id == DID
        assert resolved.assertion_method is True
        assert _raw(public_key_for(resolved.method)) == _raw(key.public_key())


def test_method_not_under_assertion_method_is_reported_as_unauthorised():
    resolved = resolve_verification_method(f"{DID}#key-1", fetch=StaticFetcher({DOC_URL: _document(assertion=())}))
    assert resolved.assertion_method is False


def test_method_embedded_in_assertion_method_is_found_and_authorised():
    document = _document()
    document["assertionMethod"] = document.pop("verificationMethod")
    resolved = resolve_verification_method(f"{DID}#key-1", fetch=StaticFetcher({DOC_URL: document}))
    assert resolved.assertion_method is True


@pytest.mark.parametrize(("document", "message"), [
    (_document(doc_id="did:web:evil.org"), "declares the id"),
    (_document(controller="did:web:evil.org"), "controlled by"),
    (_document(method_id="#key-2"), "does not list"),
])
def test_did_web_document_inconsistencies_are_refused(document, message):
    with pytest.raises(DidResolutionError, match=message):
        resolve_verification_method(f"{DID}#key-1", fetch=StaticFetcher({DOC_URL: document}))


def test_did_web_without_fragment_and_unknown_did_methods_are_refused():
    fetcher = StaticFetcher({DOC_URL: _document()})
    for vm_id in (DID, "did:ion:abc#key-1", "", "x" * 5000):
        with pytest.raises(DidResolutionError):
            resolve_verification_method(vm_id, fetch=fetcher)


def test_unreachable_did_document_raises_fetch_error():
    with pytest.raises(FetchError):
        resolve_verification_method(f"{DID}#key-1", fetch=StaticFetcher({}))


def test_did_key_resolves_locally():
    key = generate_private_key(EDDSA)
    did = f"did:key:{multikey(key)}"
    for vm_id in (f"{did}#{multikey(key)}", did):
        resolved = resolve_verification_method(vm_id, fetch=_never_fetch)
        assert resolved.controller == did and resolved.assertion_method
        assert _raw(public_key_for(resolved.method)) == _raw(key.public_key())
    with pytest.raises(DidResolutionError, match="fragment"):
        resolve_verification_method(f"{did}#other", fetch=_never_fetch)
    with pytest.raises(DidResolutionError):
        resolve_verification_method("did:key:zNotAKey", fetch=_never_fetch)


def test_https_controller_document_and_method_document():
    controller = json.loads((FIXTURES / "constructed-controller-document.json").read_text())
    method = json.loads((FIXTURES / "constructed-multikey-verification-method.json").read_text())
    vm_id = method["id"]
    resolved = resolve_verification_method(vm_id, fetch=StaticFetcher({controller["id"]: controller}))
    assert resolved.controller == controller["id"] and resolved.assertion_method
    # A standalone method document (id without fragment) is confirmed through its controller's document.
    standalone_id = "https://lms.example.edu/ob3/keys/1"
    standalone = {**method, "id": standalone_id}
    listed = {**controller, "verificationMethod": [standalone], "assertionMethod": [standalone_id]}
    fetcher = StaticFetcher({standalone_id: standalone, controller["id"]: listed})
    resolved = resolve_verification_method(standalone_id, fetch=fetcher)
    assert resolved.controller == controller["id"] and resolved.assertion_method
    with pytest.raises(DidResolutionError, match="does not list"):
        resolve_verification_method(standalone_id, fetch=StaticFetcher({standalone_id: standalone,
                                                                         controller["id"]: controller}))


def test_http_urls_only_in_http_mode():
    with pytest.raises(DidResolutionError):
        resolve_verification_method("http://localhost:8000/issuer#k", fetch=StaticFetcher({}))
    with pytest.raises(FetchError):
        resolve_verification_method("http://localhost:8000/issuer#k", fetch=StaticFetcher({}), scheme="http")


@pytest.mark.parametrize("alg", [ES256, RS256, EDDSA])
def test_public_key_for_json_web_keys(alg):
    key = generate_private_key(alg)
    for method_type in ("JsonWebKey", "JsonWebKey2020"):
        extracted = public_key_for({"id": "x", "type": method_type, "publicKeyJwk": public_jwk(key)})
        assert public_jwk(extracted) == public_jwk(key)


def test_public_key_for_refuses_bad_methods():
    key = generate_private_key(EDDSA)
    private = {**public_jwk(key), "d": "AAAA"}
    for method in ({"type": "Multikey", "publicKeyMultibase": "zBad0"},
                   {"type": "Multikey", "publicKeyMultibase": multikey(key)[:-3]},
                   {"type": "JsonWebKey", "publicKeyJwk": private},
                   {"type": "EcdsaSecp256k1VerificationKey2019", "publicKeyMultibase": multikey(key)},
                   "not a dict"):
        with pytest.raises(DidResolutionError):
            public_key_for(method)


def test_p256_multikey_is_decoded():
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from mc_lms_bridge.verification.multikey_keys import public_key_from_multibase

    key = generate_private_key(ES256)
    compressed = key.public_key().public_bytes(Encoding.X962, PublicFormat.CompressedPoint)
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    number, text = int.from_bytes(b"\x80\x24" + compressed, "big"), ""
    while number:
        number, digit = divmod(number, 58)
        text = alphabet[digit] + text
    assert public_jwk(public_key_from_multibase("z" + text)) == public_jwk(key)

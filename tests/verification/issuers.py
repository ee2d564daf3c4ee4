"""Test issuers with real keys: did:web documents, signed OB3 credentials and signed status lists."""

from __future__ import annotations

from datetime import UTC, datetime

from formats.ob3.credentials import sample_credential
from formats.sample_records import sample_issuer

from mc_lms_bridge.crypto.cryptosuites import eddsa_rdfc_2022
from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.crypto.jws import encode_vc_jwt
from mc_lms_bridge.crypto.keys import (
    EDDSA,
    algorithm_for_key,
    ed25519_public_multikey,
    generate_private_key,
    public_jwk,
)
from mc_lms_bridge.status.bitstring import encode_list, new_list, set_bit
from mc_lms_bridge.status.status_list_credential import build_status_entry, build_status_list_credential
from mc_lms_bridge.verification.did_resolution import did_web_to_url

ISSUER_DID = sample_issuer().did
SIGNED_AT = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
NOW = datetime(2025, 7, 2, 9, 0, tzinfo=UTC)
ORG_URL = "https://badges.univ-example.be/orgs/univ-example"
REVOCATION_LIST = f"{ORG_URL}/status/revocation/1"
SUSPENSION_LIST = f"{ORG_URL}/status/suspension/1"
INDEX = 4242
LOADER = strict_document_loader()


class TestIssuer:
    """A did:web issuer holding named private keys; its DID document lists the keys it still publishes."""

    __test__ = False

    def __init__(self, did: str = ISSUER_DID, **keys):
        self.did = did
        self.keys = keys or {"key-1": generate_private_key(EDDSA)}
        self.published = list(self.keys)

    @property
    def did_url(self) -> str:
        return did_web_to_url(self.did)

    def vm(self, name: str) -> str:
        return f"{self.did}#{name}"

    def method(self, name: str) -> dict:
        key = self.keys[name]
        method = {"id": self.vm(name), "controller": self.did}
        if algorithm_for_key(key) == EDDSA:
            return {**method, "type": "Multikey", "publicKeyMultibase": ed25519_public_multikey(key)}
        return {**method, "type": "JsonWebKey", "publicKeyJwk": public_jwk(key)}

    def did_document(self) -> dict:
        return {
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": self.did,
            "verificationMethod": [self.method(name) for name in self.published],
            "assertionMethod": [self.vm(name) for name in self.published],
        }

    def sign(self, document: dict, name: str = "key-1", *, vm: str | None = None) -> dict:
        return eddsa_rdfc_2022.create_proof(
            document, private_key=self.keys[name], verification_method=vm or self.vm(name), created=SIGNED_AT,
            loader=LOADER)

    def sign_jwt(self, credential: dict, name: str) -> str:
        key = self.keys[name]
        return encode_vc_jwt(credential, alg=algorithm_for_key(key), private_key=key, kid=self.vm(name))


def status_list(issuer: TestIssuer, *, url: str = REVOCATION_LIST, purpose: str = "revocation", set_bits=(),
                valid_from: datetime = SIGNED_AT, valid_until: datetime | None = None, issuer_id: str | None = None,
                signer: TestIssuer | None = None) -> dict:
    """A signed BitstringStatusListCredential with the given bits set."""
    bits = new_list()
    for index in set_bits:
        set_bit(bits, index)
    unsigned = build_status_list_credential(
        list_url=url, issuer_id=issuer_id or issuer.did, purpose=purpose, encoded_list=encode_list(bits),
        valid_from=valid_from, valid_until=valid_until)
    return (signer or issuer).sign(unsigned)


def revocation_entry(url: str = REVOCATION_LIST, purpose: str = "revocation", index: int = INDEX) -> dict:
    return build_status_entry(list_url=url, index=index, purpose=purpose)


def unsigned_credential(*, status_entries=None, **kwargs) -> dict:
    """The sample OB3 credential (issuer ISSUER_DID) with a revocation entry unless told otherwise."""
    entries = [revocation_entry()] if status_entries is None else status_entries
    return sample_credential(status_entries=entries, **kwargs)

"""did:jwk encoding/decoding and holder key resolution from proof headers."""

from __future__ import annotations

import base64
import json

import pytest

from mc_lms_bridge.oid4vci.did_jwk import DidJwkError, decode_did_jwk, did_jwk_for
from mc_lms_bridge.oid4vci.holder_keys import HolderKeyError, holder_key

from .wallet import Wallet


@pytest.mark.parametrize("alg", ["ES256", "EdDSA"])
def test_did_jwk_round_trip_matches_the_wallet(alg):
    wallet = Wallet(alg, "did:jwk")
    assert did_jwk_for({**wallet.jwk, "kid": "ignored", "use": "sig"}) == wallet.did
    jwk, _ = decode_did_jwk(wallet.did)
    assert jwk == wallet.jwk


def test_bad_did_jwks_are_refused():
    private = base64.urlsafe_b64encode(json.dumps({"kty": "OKP", "crv": "Ed25519", "x": "A" * 43,
                                                   "d": "A" * 43}).encode()).rstrip(b"=").decode()
    rsa = base64.urlsafe_b64encode(b'{"kty":"RSA","n":"AQAB","e":"AQAB"}').rstrip(b"=").decode()
    for did in ("did:jwk:", "did:jwk:!!!", "did:jwk:" + private, "did:jwk:" + rsa, "did:key:z6Mk", "did:jwk:W10"):
        with pytest.raises(DidJwkError):
            decode_did_jwk(did)


@pytest.mark.parametrize("alg", ["ES256", "EdDSA"])
@pytest.mark.parametrize("binding", ["jwk", "did:key", "did:jwk"])
def test_holder_key_names_the_wallet_did(alg, binding):
    wallet = Wallet(alg, binding)
    assert holder_key(wallet.key_header()).did == wallet.did


def test_holder_key_refusals():
    wallet = Wallet("ES256", "did:jwk")
    for header in ({}, {"kid": f"{wallet.did}#1"}, {"kid": "did:web:example.com#key-1"}, {"jwk": "text"},
                   {"kid": 5}, {"x5c": ["MIIB"]}, {"jwk": wallet.jwk, "kid": f"{wallet.did}#0"}):
        with pytest.raises(HolderKeyError):
            holder_key(header)

"""Credential endpoint refusals: each bad token, proof, nonce or request gets the OpenID4VCI error code."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from mc_lms_bridge.audit import SYSTEM
from mc_lms_bridge.models.oid4vci import WalletAccessToken, WalletNonce
from mc_lms_bridge.oid4vci import hashing
from mc_lms_bridge.status.service import change_status

from .wallet import Wallet, b64json

pytestmark = pytest.mark.django_db


def assert_error(response, error: str, status: int = 400):
    assert response.status_code == status, response.content
    assert response.json()["error"] == error, response.json()
    assert response["Cache-Control"] == "no-store"


@pytest.fixture
def wallet():
    return Wallet("ES256", "jwk")


def test_replayed_nonce_is_invalid_nonce(wallet_client, redeemed, wallet):
    nonce = wallet_client.nonce()
    first = wallet_client.credential(redeemed(), wallet_client.request(wallet, nonce=nonce))
    assert first.status_code == 200, first.content
    assert_error(wallet_client.credential(redeemed(), wallet_client.request(wallet, nonce=nonce)), "invalid_nonce")


def test_unknown_and_expired_nonces_are_invalid_nonce(wallet_client, redeemed, wallet):
    token = redeemed()
    assert_error(wallet_client.credential(token, wallet_client.request(wallet, nonce="made-up")), "invalid_nonce")
    WalletNonce.objects.create(value_hash=hashing.sha256_hex("old-nonce"),
                               expires_at=timezone.now() - timedelta(seconds=1))
    assert_error(wallet_client.credential(token, wallet_client.request(wallet, nonce="old-nonce")), "invalid_nonce")
    assert wallet_client.credential(token, wallet_client.request(wallet)).status_code == 200


@pytest.mark.parametrize("case", [
    "wrong typ", "no typ", "wrong aud", "stale iat", "future iat", "no iat", "no nonce", "bad signature",
    "alg none", "alg HS256", "alg mismatch", "private jwk", "jwk and kid", "kid not a did", "x5c", "expired",
    "not a jwt", "did:key fragment"])
def test_bad_proofs_are_invalid_proof(wallet_client, redeemed, wallet, case):
    token = redeemed()
    nonce = wallet_client.nonce()
    aud = wallet_client.audience
    proofs = {
        "wrong typ": lambda: wallet.proof(nonce=nonce, aud=aud, header={"typ": "JWT"}),
        "no typ": lambda: wallet.proof(nonce=nonce, aud=aud, drop_header=("typ",)),
        "wrong aud": lambda: wallet.proof(nonce=nonce, aud="https://other-issuer.example"),
        "stale iat": lambda: wallet.proof(nonce=nonce, aud=aud, iat=time.time() - 3600),
        "future iat": lambda: wallet.proof(nonce=nonce, aud=aud, iat=time.time() + 3600),
        "no iat": lambda: wallet.proof(nonce=nonce, aud=aud, drop=("iat",)),
        "no nonce": lambda: wallet.proof(nonce=nonce, aud=aud, drop=("nonce",)),
        "bad signature": lambda: Wallet("ES256", "jwk").proof(nonce=nonce, aud=aud, header={"jwk": wallet.jwk}),
        "alg none": lambda: f"{b64json({'typ': 'openid4vci-proof+jwt', 'alg': 'none', 'jwk': wallet.jwk})}."
                            f"{b64json({'aud': aud, 'iat': int(time.time()), 'nonce': nonce})}.",
        "alg HS256": lambda: wallet.proof(nonce=nonce, aud=aud, header={"alg": "HS256"}),
        "alg mismatch": lambda: wallet.proof(nonce=nonce, aud=aud, header={"alg": "EdDSA"}),
        "private jwk": lambda: wallet.proof(nonce=nonce, aud=aud, header={"jwk": {**wallet.jwk, "d": "AAAA"}}),
        "jwk and kid": lambda: wallet.proof(nonce=nonce, aud=aud, header={"kid": Wallet("ES256", "did:key").did}),
        "kid not a did": lambda: wallet.proof(nonce=nonce, aud=aud, header={"kid": "key-1"}, drop_header=("jwk",)),
        "x5c": lambda: wallet.proof(nonce=nonce, aud=aud, header={"x5c": ["MIIB"]}),
        "expired": lambda: wallet.proof(nonce=nonce, aud=aud, claims={"exp": int(time.time()) - 120}),
        "not a jwt": lambda: "abc.def",
        "did:key fragment": lambda: _did_key_with_fragment(nonce, aud),
    }
    body = {"credential_configuration_id": "OpenBadgeCredential_ldp_vc", "proofs": {"jwt": [proofs[case]()]}}
    assert_error(wallet_client.credential(token, body), "invalid_proof")
    assert WalletAccessToken.objects.filter(used_at__isnull=False).count() == 0


def _did_key_with_fragment(nonce, aud):
    holder = Wallet("EdDSA", "did:key")
    return holder.proof(nonce=nonce, aud=aud, header={"kid": f"{holder.did}#key-1"})


def test_missing_proofs_is_invalid_proof_and_malformed_requests_are_invalid_credential_request(
        wallet_client, redeemed, wallet):
    token = redeemed()
    config = {"credential_configuration_id": "OpenBadgeCredential_ldp_vc"}
    assert_error(wallet_client.credential(token, config), "invalid_proof")
    proof = wallet_client.request(wallet)["proofs"]["jwt"][0]
    for body in ({**config, "proof": {"proof_type": "jwt", "jwt": proof}}, {**config, "proofs": {"jwt": proof}},
                 {**config, "proofs": {"jwt": [proof, proof]}}, {"proofs": {"jwt": [proof]}}, [config],
                 {**config, "credential_identifier": "x", "proofs": {"jwt": [proof]}}):
        assert_error(wallet_client.credential(token, body), "invalid_credential_request")
    assert_error(wallet_client.credential(token, "{not json"), "invalid_credential_request")
    assert_error(wallet_client.credential(token, {**config, "proofs": {"ldp_vp": [{}]}}), "invalid_proof")
    assert_error(wallet_client.credential(token, {**config, "proofs": {"jwt": [proof]},
                                                  "credential_response_encryption": {}}),
                 "invalid_encryption_parameters")


def test_wrong_configuration_id_is_unknown_credential_configuration(wallet_client, redeemed, wallet):
    body = {**wallet_client.request(wallet), "credential_configuration_id": "UniversityDegree_LDP_VC"}
    assert_error(wallet_client.credential(redeemed(), body), "unknown_credential_configuration")


def test_access_token_is_required_single_use_and_expiring(wallet_client, redeemed, wallet):
    response = wallet_client.credential(None, wallet_client.request(wallet))
    assert_error(response, "invalid_token", status=401)
    assert response["WWW-Authenticate"] == "Bearer"
    bad = wallet_client.credential("not-a-token", wallet_client.request(wallet))
    assert_error(bad, "invalid_token", status=401)
    assert bad["WWW-Authenticate"].startswith('Bearer error="invalid_token"')
    token = redeemed()
    assert wallet_client.credential(token, wallet_client.request(wallet)).status_code == 200
    assert_error(wallet_client.credential(token, wallet_client.request(wallet)), "invalid_token", status=401)
    expired = redeemed()
    WalletAccessToken.objects.filter(token_hash=hashing.sha256_hex(expired)).update(
        expires_at=timezone.now() - timedelta(seconds=1))
    assert_error(wallet_client.credential(expired, wallet_client.request(wallet)), "invalid_token", status=401)


def test_revoked_before_pickup_is_credential_request_denied(wallet_client, redeemed, wallet, issued):
    token = redeemed()
    change_status(issued, "revoke", actor=SYSTEM, reason="test")
    assert_error(wallet_client.credential(token, wallet_client.request(wallet)), "credential_request_denied")

"""Odd and hostile inputs to the wallet endpoints get 4xx JSON errors, never a server error."""

from __future__ import annotations

import pytest

from .wallet import Wallet, b64json, b64url

pytestmark = pytest.mark.django_db

CONFIG = "OpenBadgeCredential_ldp_vc"
BAD_EC_JWK = {"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}


def _odd_proofs(wallet_client):
    wallet = Wallet("EdDSA", "did:key")
    good = wallet.proof(nonce=wallet_client.nonce(), aud=wallet_client.audience)
    head, body, _ = good.split(".")
    return [5, None, {}, "", "..", "a.b.c", f"{head}.{body}.{b64url(b'short')}", f"{head}.{body}.!!!",
            f"{b64json({'typ': 'openid4vci-proof+jwt', 'alg': 'EdDSA', 'kid': 'did:key:zzzz#zzzz'})}.{body}.AA",
            f"{b64url(b'[1]')}.{body}.AA", f"{head}.{b64url(b'not json')}.AA", "x" * 10000,
            f"{b64json({'typ': 'openid4vci-proof+jwt', 'alg': 'ES256', 'jwk': BAD_EC_JWK})}.{body}.AA"]


def test_odd_proofs_are_invalid_proof(wallet_client, redeemed):
    token = redeemed()
    for proof in _odd_proofs(wallet_client):
        response = wallet_client.credential(token, {"credential_configuration_id": CONFIG, "proofs": {"jwt": [proof]}})
        assert response.status_code == 400 and response.json()["error"] == "invalid_proof", (proof, response.content)


@pytest.mark.parametrize("body", ["null", "[]", '"text"', "5", '{"credential_configuration_id": 5}',
                                  '{"credential_configuration_id": null, "proofs": 3}', "\u0000", "{" * 100])
def test_odd_credential_requests(wallet_client, redeemed, body):
    response = wallet_client.credential(redeemed(), body)
    assert response.status_code == 400 and response.json()["error"] == "invalid_credential_request", response.content


def test_odd_calls_to_token_nonce_and_offers(wallet_client, client):
    assert client.get(wallet_client.nonce_path).status_code == 405
    multipart = client.post(wallet_client.token_path, data={"grant_type": "x"})
    assert multipart.status_code == 415 and multipart.json()["error"] == "invalid_request"
    long_code = wallet_client.token("c" * 5000)
    assert long_code.status_code == 400 and long_code.json()["error"] == "invalid_request"
    assert client.get("/oid4vci/offers/%00").status_code == 404
    assert client.post("/.well-known/openid-credential-issuer").status_code == 405
    wrong_scheme = client.post(wallet_client.credential_path, data="{}", content_type="application/json",
                               HTTP_AUTHORIZATION="Basic abc")
    assert wrong_scheme.status_code == 401 and wrong_scheme.json()["error"] == "invalid_token"

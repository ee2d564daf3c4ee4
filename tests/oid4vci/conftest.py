"""Fixtures for OpenID4VCI tests: an issued OB3 credential, and a wallet client speaking to the endpoints."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from mc_lms_bridge.awards.service import grant_award
from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import CredentialFormat, Learner, MicroCredentialVersion
from mc_lms_bridge.oid4vci.offers import create_offer

from .wallet import Wallet

PRE_AUTH = "urn:ietf:params:oauth:grant-type:pre-authorized_code"


@pytest.fixture
def award(published):
    version = MicroCredentialVersion.objects.get(microcredential_id=published, status="published")
    learner = Learner.objects.create(given_name="Ana", family_name="Andromeda", email="ana@example.org",
                                     email_verified=True)
    award, _ = grant_award(learner=learner, version=version, grade="8.5/10", reason={"source": "test"},
                           evidence=[{"id": "urn:uuid:5b1f0d2e-3a7c-4a77-8d55-0c2a5b8f6a10",
                                      "narrative": "Passed with 85 %", "source_platform": "moodle",
                                      "course_id": "42"}])
    return award


@pytest.fixture
def issued(award):
    """The OB3 Data Integrity credential of the test award."""
    return next(c for c in issue(award.pk) if c.format == CredentialFormat.OB3_DATA_INTEGRITY)


def path_of(url: str) -> str:
    return urlparse(url).path


def offer_from_deep_link(link: str) -> dict:
    parsed = urlparse(link)
    assert parsed.scheme == "openid-credential-offer"
    return json.loads(parse_qs(parsed.query)["credential_offer"][0])


class WalletClient:
    """Drives the endpoints as a wallet would: metadata discovery, token, nonce, credential."""

    def __init__(self, client):
        self.client = client
        self.metadata = client.get("/.well-known/openid-credential-issuer").json()
        as_metadata = client.get("/.well-known/oauth-authorization-server").json()
        self.token_path = path_of(as_metadata["token_endpoint"])
        self.nonce_path = path_of(self.metadata["nonce_endpoint"])
        self.credential_path = path_of(self.metadata["credential_endpoint"])
        self.audience = self.metadata["credential_issuer"]

    def token(self, code: str, tx_code: str | None = None, **extra):
        form = {"grant_type": PRE_AUTH, "pre-authorized_code": code}
        if tx_code is not None:
            form["tx_code"] = tx_code
        form.update(extra)
        return self.client.post(self.token_path, data=urlencode(form),
                                content_type="application/x-www-form-urlencoded")

    def access_token(self, offer: dict, tx_code: str | None = None) -> str:
        code = offer["grants"][PRE_AUTH]["pre-authorized_code"]
        response = self.token(code, tx_code)
        assert response.status_code == 200, response.content
        return response.json()["access_token"]

    def nonce(self) -> str:
        response = self.client.post(self.nonce_path)
        assert response.status_code == 200 and response["Cache-Control"] == "no-store"
        return response.json()["c_nonce"]

    def credential(self, access_token: str | None, body: dict | str):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {access_token}"} if access_token else {}
        data = body if isinstance(body, str) else json.dumps(body)
        return self.client.post(self.credential_path, data=data, content_type="application/json", **headers)

    def request(self, wallet: Wallet, **proof_options) -> dict:
        nonce = proof_options.pop("nonce", None) or self.nonce()
        proof = wallet.proof(nonce=nonce, aud=proof_options.pop("aud", self.audience), **proof_options)
        return {"credential_configuration_id": "OpenBadgeCredential_ldp_vc", "proofs": {"jwt": [proof]}}


@pytest.fixture
def wallet_client(client, db):
    return WalletClient(client)


@pytest.fixture
def redeemed(issued, wallet_client):
    """Factory: a fresh offer of the issued credential, redeemed for an access token."""
    def make(tx_code: bool = False) -> str:
        offer = create_offer(issued, tx_code=tx_code)
        return wallet_client.access_token(offer_from_deep_link(offer.deep_link), offer.tx_code)
    return make

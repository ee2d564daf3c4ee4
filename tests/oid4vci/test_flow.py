"""A test wallet picks up its credential end to end; the copy names its DID and verifies with two verifiers."""

from __future__ import annotations

import pytest
from django.utils import timezone
from independent_verifier import verify_many

from mc_lms_bridge import identity
from mc_lms_bridge.audit import SYSTEM
from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.models.oid4vci import CredentialOffer, HolderCredential, WalletAccessToken
from mc_lms_bridge.oid4vci.offers import create_offer
from mc_lms_bridge.status.service import change_status, signed_status_list
from mc_lms_bridge.verification.django_fetcher import LocalDocumentFetcher
from mc_lms_bridge.verification.ob3 import verify_ob3

from .conftest import offer_from_deep_link
from .wallet import Wallet

pytestmark = pytest.mark.django_db

WALLETS = [("ES256", "jwk"), ("EdDSA", "jwk"), ("ES256", "did:key"), ("EdDSA", "did:key"), ("ES256", "did:jwk"),
           ("EdDSA", "did:jwk")]


def pick_up(wallet_client, issued, wallet: Wallet, *, tx_code: bool) -> dict:
    offer = create_offer(issued, tx_code=tx_code)
    document = offer_from_deep_link(offer.deep_link)
    assert document["credential_configuration_ids"] == ["OpenBadgeCredential_ldp_vc"]
    token = wallet_client.access_token(document, offer.tx_code)
    response = wallet_client.credential(token, wallet_client.request(wallet))
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "no-store"
    (item,) = response.json()["credentials"]
    return item["credential"]


def independent_request(issued, credential: dict) -> dict:
    organisation = issued.award.version.microcredential.organisation
    status_list = issued.status_list
    status_list.refresh_from_db()
    list_url = identity.status_list_url(organisation, status_list.purpose, status_list.sequence)
    return {"credential": credential, "checkStatus": True, "documents": {
        identity.organisation_did(organisation): identity.did_document(organisation),
        list_url: signed_status_list(status_list)}}


def our_report(credential: dict):
    return verify_ob3(credential, fetch=LocalDocumentFetcher().fetch, now=timezone.now(),
                      loader=strict_document_loader())


def test_every_wallet_kind_receives_a_credential_naming_its_did_that_verifies_twice(wallet_client, issued):
    wallets = [Wallet(alg, binding) for alg, binding in WALLETS]
    credentials = [pick_up(wallet_client, issued, wallet, tx_code=(i % 2 == 0)) for i, wallet in enumerate(wallets)]
    for wallet, credential in zip(wallets, credentials, strict=True):
        assert credential["credentialSubject"]["id"] == wallet.did
        assert credential["id"] != issued.credential_id
        assert credential["credentialStatus"] == issued_status(issued)
        report = our_report(credential)
        assert report.verified, report.to_dict()["checks"]
    results = verify_many([independent_request(issued, c) for c in credentials])
    for result in results:
        assert result["verified"] is True and result["valid"] is True and result["revoked"] is False, result
    assert HolderCredential.objects.filter(original=issued).count() == len(WALLETS)


def issued_status(issued) -> dict:
    import json
    return json.loads(issued.payload)["credentialStatus"]


def test_revoking_the_original_revokes_the_wallet_copy(wallet_client, issued):
    credential = pick_up(wallet_client, issued, Wallet("EdDSA", "did:key"), tx_code=False)
    change_status(issued, "revoke", actor=SYSTEM, reason="test")
    assert our_report(credential).status == "revoked"
    (result,) = verify_many([independent_request(issued, credential)])
    assert result["revoked"] is True and result["valid"] is False


def test_secrets_are_stored_only_as_hashes(wallet_client, issued):
    offer = create_offer(issued, tx_code=True)
    document = offer_from_deep_link(offer.deep_link)
    code = document["grants"]["urn:ietf:params:oauth:grant-type:pre-authorized_code"]["pre-authorized_code"]
    token = wallet_client.access_token(document, offer.tx_code)
    row = CredentialOffer.objects.get(pk=offer.id)
    stored = " ".join(str(value) for value in row.__dict__.values())
    stored += " ".join(WalletAccessToken.objects.values_list("token_hash", flat=True))
    for secret in (code, token, offer.tx_code, offer.credential_offer_uri.rsplit("/", 1)[1]):
        assert secret not in stored

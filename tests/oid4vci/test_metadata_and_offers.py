"""Issuer and authorization-server metadata, offers (deep link, by reference, refusals) and the offer API."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from mc_lms_bridge.models import CredentialFormat
from mc_lms_bridge.oid4vci.offers import OfferRefused, create_offer

from .conftest import PRE_AUTH, offer_from_deep_link, path_of

pytestmark = pytest.mark.django_db
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def test_credential_issuer_metadata(client, settings):
    body = client.get("/.well-known/openid-credential-issuer").json()
    base = settings.MC_LMS_BRIDGE["BASE_URL"]
    assert body["credential_issuer"] == base
    assert body["credential_endpoint"] == f"{base}/oid4vci/credential"
    assert body["nonce_endpoint"] == f"{base}/oid4vci/nonce"
    config = body["credential_configurations_supported"]["OpenBadgeCredential_ldp_vc"]
    assert config["format"] == "ldp_vc"
    assert config["credential_definition"]["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert config["credential_definition"]["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert any(c.startswith("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0") for c in
               config["credential_definition"]["@context"])
    assert set(config["cryptographic_binding_methods_supported"]) == {"did:key", "did:jwk", "jwk"}
    assert config["proof_types_supported"] == {"jwt": {"proof_signing_alg_values_supported": ["ES256", "EdDSA"]}}
    assert config["credential_metadata"]["display"][0]["name"]


def test_authorization_server_metadata(client, settings):
    body = client.get("/.well-known/oauth-authorization-server").json()
    assert body["issuer"] == settings.MC_LMS_BRIDGE["BASE_URL"]
    assert body["token_endpoint"].endswith("/oid4vci/token")
    assert body["grant_types_supported"] == [PRE_AUTH]
    assert body["pre-authorized_grant_anonymous_access_supported"] is True


def test_offer_links_and_by_reference(client, issued, wallet_client):
    offer = create_offer(issued, tx_code=False)
    document = offer_from_deep_link(offer.deep_link)
    assert document == offer.credential_offer
    assert document["credential_issuer"] == wallet_client.audience
    qr = urlparse(offer.qr_url)
    assert qr.scheme == "openid-credential-offer"
    assert parse_qs(qr.query)["credential_offer_uri"] == [offer.credential_offer_uri]
    by_reference = client.get(path_of(offer.credential_offer_uri))
    assert by_reference.status_code == 200 and by_reference.json() == document
    wallet_client.access_token(document)
    gone = client.get(path_of(offer.credential_offer_uri))
    assert gone.status_code == 404 and gone.json()["error"] == "not_found"
    assert client.get("/oid4vci/offers/" + "x" * 43).status_code == 404


def test_only_active_data_integrity_credentials_are_offered(award, issued):
    jwt_row = award.credentials.get(format=CredentialFormat.OB3_JWT)
    with pytest.raises(OfferRefused):
        create_offer(jwt_row, tx_code=False)
    issued.state = "revoked"
    with pytest.raises(OfferRefused):
        create_offer(issued, tx_code=False)


def test_offer_api_needs_a_token_of_the_credentials_organisation(client, api_a, api_b, token_client, org_a, issued):
    payload = {"credential": str(issued.pk), "tx_code": True}
    created = api_a.post("/oid4vci/offers", payload)
    assert created.status_code == 201, created.content
    body = created.json()
    assert len(body["tx_code"]) == 6 and body["deep_link"].startswith("openid-credential-offer://?credential_offer=")
    assert created["Cache-Control"] == "no-store"
    assert api_b.post("/oid4vci/offers", payload).status_code == 404
    no_scope = token_client(org_a, scopes=["catalogue:read"])
    assert no_scope.post("/oid4vci/offers", payload).status_code == 403
    anonymous = client.post("/oid4vci/offers", data=json.dumps(payload), content_type="application/json")
    assert anonymous.status_code in (401, 403)
    assert api_a.post("/oid4vci/offers", {"credential": "nope"}).status_code == 400

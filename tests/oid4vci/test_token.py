"""Token endpoint: one redemption per offer, expiry, PIN checks, and OAuth error codes for every refusal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mc_lms_bridge.models.oid4vci import CredentialOffer
from mc_lms_bridge.oid4vci.offers import create_offer

from .conftest import PRE_AUTH, offer_from_deep_link

pytestmark = pytest.mark.django_db


def code_of(offer) -> str:
    return offer_from_deep_link(offer.deep_link)["grants"][PRE_AUTH]["pre-authorized_code"]


def assert_error(response, error: str, status: int = 400):
    assert response.status_code == status, response.content
    assert response.json()["error"] == error and response.json()["error_description"]
    assert response["Cache-Control"] == "no-store"


def test_code_redeems_once_for_a_short_lived_bearer_token(wallet_client, issued):
    offer = create_offer(issued, tx_code=False)
    response = wallet_client.token(code_of(offer))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer" and 0 < body["expires_in"] <= 600 and len(body["access_token"]) >= 40
    assert_error(wallet_client.token(code_of(offer)), "invalid_grant")


def test_expired_and_unknown_codes_are_invalid_grant(wallet_client, issued):
    offer = create_offer(issued, tx_code=False, now=timezone.now() - timedelta(minutes=11))
    assert_error(wallet_client.token(code_of(offer)), "invalid_grant")
    assert_error(wallet_client.token("not-a-code"), "invalid_grant")


def test_default_offer_lifetime_is_ten_minutes(issued):
    offer = create_offer(issued, tx_code=False)
    row = CredentialOffer.objects.get(pk=offer.id)
    assert row.expires_at - row.created_at == timedelta(minutes=10)


def test_tx_code_rules(wallet_client, issued):
    offer = create_offer(issued, tx_code=True)
    grant = offer_from_deep_link(offer.deep_link)["grants"][PRE_AUTH]
    assert grant["tx_code"]["input_mode"] == "numeric" and grant["tx_code"]["length"] == len(offer.tx_code) == 6
    assert offer.tx_code not in offer.deep_link
    assert_error(wallet_client.token(code_of(offer)), "invalid_request")
    wrong = "000000" if offer.tx_code != "000000" else "111111"
    assert_error(wallet_client.token(code_of(offer), wrong), "invalid_grant")
    assert wallet_client.token(code_of(offer), offer.tx_code).status_code == 200
    plain = create_offer(issued, tx_code=False)
    assert "tx_code" not in offer_from_deep_link(plain.deep_link)["grants"][PRE_AUTH]
    assert_error(wallet_client.token(code_of(plain), "123456"), "invalid_request")


def test_wrong_pins_burn_the_offer(wallet_client, issued):
    offer = create_offer(issued, tx_code=True)
    wrong = "000000" if offer.tx_code != "000000" else "111111"
    for _ in range(5):
        assert_error(wallet_client.token(code_of(offer), wrong), "invalid_grant")
    assert_error(wallet_client.token(code_of(offer), offer.tx_code), "invalid_grant")


def test_malformed_token_requests(wallet_client, issued):
    offer = create_offer(issued, tx_code=False)
    assert_error(wallet_client.token(code_of(offer), grant_type="authorization_code"), "unsupported_grant_type")
    path = wallet_client.token_path
    assert_error(wallet_client.client.post(path, data="grant_type=" + PRE_AUTH,
                                           content_type="application/x-www-form-urlencoded"), "invalid_request")
    assert_error(wallet_client.client.post(path, data="pre-authorized_code=a", content_type="application/"
                                           "x-www-form-urlencoded"), "invalid_request")
    twice = f"grant_type={PRE_AUTH}&pre-authorized_code=a&pre-authorized_code=b"
    assert_error(wallet_client.client.post(path, data=twice, content_type="application/x-www-form-urlencoded"),
                 "invalid_request")
    assert_error(wallet_client.client.post(path, data="{}", content_type="application/json"), "invalid_request",
                 status=415)
    assert_error(wallet_client.client.get(path), "invalid_request", status=405)
    assert wallet_client.token(code_of(offer)).status_code == 200  # none of the above consumed the offer

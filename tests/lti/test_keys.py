"""Tool keys: sealed at rest, published in the JWKS, rotation keeps the retired key for a while."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest
from django.utils import timezone

from lti import keys
from lti.models import LtiToolKey


@pytest.mark.django_db
def test_jwks_publishes_an_rs256_public_key_and_no_private_material(client):
    document = client.get("/lti/jwks/").json()
    assert len(document["keys"]) == 1
    jwk = document["keys"][0]
    assert jwk["kty"] == "RSA" and jwk["alg"] == "RS256" and jwk["use"] == "sig" and jwk["kid"]
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(jwk)


@pytest.mark.django_db
def test_private_key_is_sealed_at_rest():
    key = keys.signing_key()
    blob = bytes(key.encrypted_private_key)
    assert b"PRIVATE KEY" not in blob and len(blob) > 1000
    token = keys.sign({"hello": "world"})
    assert jwt.get_unverified_header(token)["kid"] == key.kid
    public = jwt.PyJWK(key.public_jwk).key
    assert jwt.decode(token, public, algorithms=["RS256"]) == {"hello": "world"}


@pytest.mark.django_db
def test_rotation_keeps_the_old_key_in_the_jwks_until_the_grace_period_ends(client, settings):
    old = keys.signing_key()
    new = keys.rotate()
    assert new.kid != old.kid and keys.signing_key() == new
    assert jwt.get_unverified_header(keys.sign({}))["kid"] == new.kid
    kids = [key["kid"] for key in client.get("/lti/jwks/").json()["keys"]]
    assert kids == [new.kid, old.kid]
    LtiToolKey.objects.filter(pk=old.pk).update(retired_at=timezone.now() - timedelta(days=31))
    assert [key["kid"] for key in client.get("/lti/jwks/").json()["keys"]] == [new.kid]

"""Public verification API: our credentials in every format, other issuers' through the remote fetcher, bad input."""

from __future__ import annotations

import json

import pytest

from mc_lms_bridge import sealstore
from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import CredentialFormat

pytestmark = pytest.mark.django_db
URL = "/api/v1/verify/"


def post(client, body, content_type="application/json"):
    return client.post(URL, data=body, content_type=content_type)


@pytest.fixture
def credentials(award):
    sealstore.create_development_seal(award.version.microcredential.organisation)
    return {c.format: c for c in issue(award.pk, strict=True)}


def test_each_format_verifies_with_every_check(client, credentials):
    for fmt, content_type in ((CredentialFormat.OB3_DATA_INTEGRITY, "application/json"),
                              (CredentialFormat.OB3_JWT, "application/jwt"),
                              (CredentialFormat.EDC_JADES, "application/json")):
        response = post(client, credentials[fmt].payload, content_type)
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["verified"] is True, (fmt, body["checks"])
        names = {c["name"] for c in body["checks"]}
        assert ("signature" in names) if fmt == CredentialFormat.EDC_JADES else {"proof", "status"} <= names


def test_tampered_credentials_fail_with_reasons(client, credentials):
    document = json.loads(credentials[CredentialFormat.OB3_DATA_INTEGRITY].payload)
    document["credentialSubject"]["achievement"]["name"] = "Rocket Science"
    body = post(client, json.dumps(document)).json()
    assert body["verified"] is False
    assert any(c["name"] == "proof" and c["outcome"] == "failed" for c in body["checks"])
    sealed = json.loads(credentials[CredentialFormat.EDC_JADES].payload)
    sealed["payload"] = sealed["payload"].replace('"Ana"', '"Eve"')
    body = post(client, json.dumps(sealed)).json()
    assert body["verified"] is False
    assert any(c["name"] == "signature" and c["outcome"] == "failed" for c in body["checks"])


@pytest.mark.parametrize(("body", "words"), [
    (b"", "empty"), (b"\xff\xfe", "UTF-8"), (b"[1,2]", "object"), (b"hello", "JSON"),
])
def test_garbage_is_a_400_with_a_reason(client, body, words):
    response = post(client, body, "application/octet-stream")
    assert response.status_code == 400
    assert words.lower() in response.json()["detail"].lower()


def test_huge_body_is_413(client, settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "MAX_REQUEST_BYTES": 2048}
    response = post(client, json.dumps({"x": "y" * 5000}))
    assert response.status_code == 413


def test_unknown_proof_type_is_reported_not_crashing(client, credentials):
    document = json.loads(credentials[CredentialFormat.OB3_DATA_INTEGRITY].payload)
    document["proof"]["type"] = "Ed25519Signature2020"
    body = post(client, json.dumps(document)).json()
    assert body["verified"] is False
    assert any(c["name"] == "proof" and c["outcome"] == "failed" for c in body["checks"])

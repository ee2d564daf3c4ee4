"""The public verify API checks another issuer's credential through the pluggable remote fetcher."""

from __future__ import annotations

import json

import pytest
from verification.issuers import REVOCATION_LIST, TestIssuer, status_list, unsigned_credential

from . import foreign_fetcher

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign(settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "REMOTE_FETCHER": "issuance.foreign_fetcher.FixtureFetcher"}
    issuer = TestIssuer()
    foreign_fetcher.DOCUMENTS.clear()
    foreign_fetcher.DOCUMENTS[issuer.did_url] = issuer.did_document()
    foreign_fetcher.DOCUMENTS[REVOCATION_LIST] = status_list(issuer)
    yield issuer
    foreign_fetcher.DOCUMENTS.clear()


def verify(client, document):
    return client.post("/api/v1/verify/", data=json.dumps(document), content_type="application/json").json()


def test_foreign_credential_verifies(client, foreign):
    body = verify(client, foreign.sign(unsigned_credential()))
    assert body["verified"] is True, body["checks"]
    assert body["status"] == "active"


def test_foreign_revoked_and_unreachable(client, foreign):
    from verification.issuers import INDEX

    foreign_fetcher.DOCUMENTS[REVOCATION_LIST] = status_list(foreign, set_bits=[INDEX])
    body = verify(client, foreign.sign(unsigned_credential()))
    assert body["verified"] is False and body["status"] == "revoked"
    foreign_fetcher.DOCUMENTS.pop(foreign.did_url)
    body = verify(client, foreign.sign(unsigned_credential()))
    assert body["verified"] is False
    assert any("404" in check["message"] for check in body["checks"] if check["outcome"] == "failed")

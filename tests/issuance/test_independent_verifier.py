"""Our issued credentials, DID document and status list verify with Digital Bazaar's JS stack (offline)."""

from __future__ import annotations

import json

import pytest
from independent_verifier import verify_many

from mc_lms_bridge import identity
from mc_lms_bridge.audit import SYSTEM
from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import CredentialFormat
from mc_lms_bridge.status.service import change_status, signed_status_list

pytestmark = pytest.mark.django_db


def request_for(credential_row, document):
    organisation = credential_row.award.version.microcredential.organisation
    status_list = credential_row.status_list
    list_url = identity.status_list_url(organisation, status_list.purpose, status_list.sequence)
    return {"credential": document, "checkStatus": True, "documents": {
        identity.organisation_did(organisation): identity.did_document(organisation),
        list_url: signed_status_list(status_list)}}


def test_issued_credential_verifies_independently_and_tampering_fails(award, version, learner):
    row = next(c for c in issue(award.pk) if c.format == CredentialFormat.OB3_DATA_INTEGRITY)
    document = json.loads(row.payload)
    tampered_name = json.loads(row.payload)
    tampered_name["credentialSubject"]["achievement"]["name"] += " (advanced)"
    tampered_ects = json.loads(row.payload)
    tampered_ects["credentialSubject"]["achievement"]["creditsAvailable"] = 50
    results = verify_many([request_for(row, d) for d in (document, tampered_name, tampered_ects)])
    assert results[0]["verified"] is True and results[0]["valid"] is True, results[0]
    assert results[0]["revoked"] is False
    assert results[1]["verified"] is False and results[2]["verified"] is False


def test_revocation_is_seen_by_the_independent_verifier(award):
    row = next(c for c in issue(award.pk) if c.format == CredentialFormat.OB3_DATA_INTEGRITY)
    change_status(row, "revoke", actor=SYSTEM, reason="test")
    row.status_list.refresh_from_db()
    (result,) = verify_many([request_for(row, json.loads(row.payload))])
    assert result["revoked"] is True and result["valid"] is False

"""Issuing an award: OB3 in both proof formats, stored with a status index, idempotent, verifiable."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from mc_lms_bridge import keystore
from mc_lms_bridge.audit import SYSTEM
from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.formats.ob3 import validate_ob3_schema
from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import CredentialFormat, IssuedCredential, IssuerKey, KeyAlgorithm, StatusList
from mc_lms_bridge.status.service import change_status
from mc_lms_bridge.verification.django_fetcher import LocalDocumentFetcher
from mc_lms_bridge.verification.ob3 import verify_ob3

pytestmark = pytest.mark.django_db


def ob3_of(credentials):
    by_format = {c.format: c for c in credentials}
    return (json.loads(by_format[CredentialFormat.OB3_DATA_INTEGRITY].payload),
            by_format[CredentialFormat.OB3_JWT].payload)


def verify(payload):
    return verify_ob3(payload, fetch=LocalDocumentFetcher().fetch, now=timezone.now(),
                      loader=strict_document_loader())


def test_issue_builds_signs_and_stores_both_ob3_forms(award):
    credentials = issue(award.pk)
    document, token = ob3_of(credentials)
    assert validate_ob3_schema({k: v for k, v in document.items() if k != "proof"}) == []
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert document["credentialStatus"]["statusPurpose"] == "revocation"
    assert token.count(".") == 2
    for payload in (document, token):
        report = verify(payload)
        assert report.verified, report.to_dict()
        assert report.status == "active"


def test_issue_is_idempotent(award):
    first = issue(award.pk)
    second = issue(award.pk)
    assert [c.pk for c in first] == [c.pk for c in second]
    assert IssuedCredential.objects.filter(award=award, format__startswith="ob3").count() == 2
    from mc_lms_bridge.status.counters import allocated_count

    assert allocated_count(StatusList.objects.get()) == 1


def test_status_indexes_are_unique_and_spread(version, learner, django_user_model):
    from mc_lms_bridge.awards.service import grant_award
    from mc_lms_bridge.models import Learner

    indexes = []
    for i in range(20):
        person = Learner.objects.create(given_name=f"L{i}", family_name="X", email=f"l{i}@example.org")
        award, _ = grant_award(learner=person, version=version, evidence=[], reason={})
        credential = issue(award.pk)[0]
        indexes.append(credential.status_index)
    assert len(set(indexes)) == 20
    assert indexes != sorted(indexes)  # not handed out in order (herd privacy)


def test_revoked_credential_reports_revoked_and_list_is_resigned(award):
    credentials = issue(award.pk)
    document, token = ob3_of(credentials)
    status_list = StatusList.objects.get()
    before = LocalDocumentFetcher().fetch(document["credentialStatus"]["statusListCredential"])
    status_list.refresh_from_db()
    signed_at = status_list.signed_at
    again = LocalDocumentFetcher().fetch(document["credentialStatus"]["statusListCredential"])
    assert again == before  # not re-signed without a change
    change_status(credentials[0], "revoke", actor=SYSTEM, reason="Fraud")
    assert {c.state for c in IssuedCredential.objects.filter(award=award)} == {"revoked"}
    for payload in (document, token):
        report = verify(payload)
        assert not report.verified
        assert report.status == "revoked"
    status_list.refresh_from_db()
    assert status_list.signed_at >= signed_at and status_list.signed_credential != before


def test_suspension_needs_suspension_purpose(award, settings):
    from mc_lms_bridge.status.service import StatusChangeRefused

    credentials = issue(award.pk)
    with pytest.raises(StatusChangeRefused, match="revocation list"):
        change_status(credentials[0], "suspend", actor=SYSTEM, reason="check")


def test_suspend_and_unsuspend(award, settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "STATUS_PURPOSE": "suspension"}
    credentials = issue(award.pk)
    document, _ = ob3_of(credentials)
    change_status(credentials[0], "suspend", actor=SYSTEM, reason="Under investigation")
    assert verify(document).status == "suspended"
    change_status(credentials[0], "unsuspend", actor=SYSTEM, reason="Cleared")
    report = verify(document)
    assert report.verified and report.status == "active"


def test_key_rotation_keeps_old_credentials_valid(award, version, learner):
    organisation = version.microcredential.organisation
    old_document, old_token = ob3_of(issue(award.pk))
    keystore.rotate(organisation, KeyAlgorithm.ED25519)
    keystore.rotate(organisation, "ES256")
    assert IssuerKey.objects.filter(organisation=organisation, retired_at__isnull=True).count() == 2
    assert verify(old_document).verified
    assert verify(old_token).verified
    from mc_lms_bridge.awards.service import grant_award
    from mc_lms_bridge.models import Learner

    other = Learner.objects.create(given_name="B", family_name="C", email="b@example.org")
    new_award, _ = grant_award(learner=other, version=version, evidence=[], reason={})
    new_document, _ = ob3_of(issue(new_award.pk))
    assert new_document["proof"]["verificationMethod"] != old_document["proof"]["verificationMethod"]
    assert verify(new_document).verified


def test_private_keys_are_encrypted_at_rest_and_never_in_documents(award, settings):
    issue(award.pk)
    key = IssuerKey.objects.filter(algorithm=KeyAlgorithm.ED25519).get()
    private = keystore.private_key(key)
    from cryptography.hazmat.primitives import serialization

    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    assert raw not in bytes(key.encrypted_private_key)
    assert "private" not in repr(key).lower() or "hidden" in repr(key).lower()
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "KEY_ENCRYPTION_SECRET": "another-secret-of-enough-length-123"}
    from mc_lms_bridge.crypto.keys import KeyDecryptionError

    with pytest.raises(KeyDecryptionError):
        keystore.private_key(key)

"""Europass EDC issuance: same facts as OB3, SHACL-valid, JAdES-sealed with the organisation's e-seal."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from cryptography import x509
from django.core.management import CommandError, call_command
from django.utils import timezone

from mc_lms_bridge import sealstore
from mc_lms_bridge.crypto import seal_material as seals
from mc_lms_bridge.crypto.jades import extract_payload, verify_jades
from mc_lms_bridge.formats.edc import validate_edc
from mc_lms_bridge.formats.ob3 import extract_eu_elements
from mc_lms_bridge.issuance.service import EdcNotIssued, issue
from mc_lms_bridge.models import CredentialFormat

pytestmark = pytest.mark.django_db


@pytest.fixture
def sealed_org(award):
    organisation = award.version.microcredential.organisation
    sealstore.create_development_seal(organisation)
    return organisation


def one(value):
    return value[0] if isinstance(value, list) else value


def many(value):
    return value if isinstance(value, list) else [value]


def by_format(credentials):
    return {c.format: c for c in credentials}


def test_edc_is_issued_valid_and_sealed(award, sealed_org):
    credentials = by_format(issue(award.pk, strict=True))
    sealed = json.loads(credentials[CredentialFormat.EDC_JADES].payload)
    payload = extract_payload(sealed)
    document = json.loads(payload)
    assert "proof" not in document
    assert validate_edc(document).conforms
    anchors = sealstore.trust_anchors()
    report = verify_jades(sealed, trust_anchors=anchors, now=timezone.now())
    assert report.valid, [c for c in report.checks if not c.passed]
    header = json.loads(__import__("base64").urlsafe_b64decode(sealed["signatures"][0]["protected"] + "=="))
    assert header["b64"] is False and "sigT" in header["crit"] and header["x5c"]


def test_ob3_and_edc_state_the_same_facts(award, sealed_org):
    credentials = by_format(issue(award.pk, strict=True))
    ob3 = extract_eu_elements(json.loads(credentials[CredentialFormat.OB3_DATA_INTEGRITY].payload))
    edc = json.loads(extract_payload(json.loads(credentials[CredentialFormat.EDC_JADES].payload)))
    claim = one(edc["credentialSubject"]["hasClaim"])
    qualification = one(claim["specifiedBy"])
    assert qualification["title"]["en"] == ob3["title"]
    edc_outcomes = [o["title"]["en"] for o in many(qualification["learningOutcome"])]
    assert edc_outcomes == [o["text"] for o in ob3["learning_outcomes"]]
    credit = one(qualification["creditPoint"])
    assert float(credit["point"]) == float(ob3["ects_credits"])
    assert qualification["eqfLevel"]["id"] == ob3["eqf_level"]["uri"]
    assert edc["validFrom"][:19] == ob3["issued_at"][:19]
    bodies = many(one(claim["awardedBy"])["awardingBody"])
    assert [b["legalName"]["en"] for b in bodies] == [b["name"] for b in ob3["awarding_bodies"]]


def test_tampered_seal_fails(award, sealed_org):
    credentials = by_format(issue(award.pk, strict=True))
    sealed = json.loads(credentials[CredentialFormat.EDC_JADES].payload)
    sealed["payload"] = sealed["payload"].replace("Data Literacy", "Data Literacy PhD")
    assert not verify_jades(sealed, trust_anchors=sealstore.trust_anchors(), now=timezone.now()).valid


def test_without_seal_ob3_is_issued_and_edc_reported(award):
    credentials = by_format(issue(award.pk))
    assert set(credentials) == {CredentialFormat.OB3_DATA_INTEGRITY, CredentialFormat.OB3_JWT}
    with pytest.raises(EdcNotIssued, match="no e-seal"):
        issue(award.pk, strict=True)


def test_seal_import_refuses_bad_material_at_configuration_time(award, tmp_path):
    organisation = award.version.microcredential.organisation
    now = timezone.now()
    good = seals.create_development_seal(organisation_name="University univ-a", country="BE",
                                         organisation_identifier=organisation.legal_identifier,
                                         password=b"right", now=now)
    path = tmp_path / "seal.p12"
    path.write_bytes(good)
    import os

    os.environ["SEAL_PW"] = "wrong"
    with pytest.raises(CommandError, match="password"):
        call_command("eseal", "import", organisation.slug, "--pkcs12", str(path), "--password-env", "SEAL_PW")
    expired = seals.create_development_seal(organisation_name="U", country="BE",
                                            organisation_identifier=organisation.legal_identifier, password=None,
                                            valid_days=1, now=now - timedelta(days=10))
    path.write_bytes(expired)
    with pytest.raises(CommandError, match="expired"):
        call_command("eseal", "import", organisation.slug, "--pkcs12", str(path))
    other = seals.create_development_seal(organisation_name="Other", country="BE",
                                          organisation_identifier="NOT-OURS", password=None, now=now)
    path.write_bytes(other)
    with pytest.raises(CommandError, match="organisation identifier"):
        call_command("eseal", "import", organisation.slug, "--pkcs12", str(path))
    os.environ["SEAL_PW"] = "right"
    path.write_bytes(good)
    call_command("eseal", "import", organisation.slug, "--pkcs12", str(path), "--password-env", "SEAL_PW")
    chain = x509.load_pem_x509_certificates(sealstore.active_seal(organisation).certificate_chain_pem.encode())
    assert seals.eidas_identity_from_certificate(chain[0]).organisation_identifier == organisation.legal_identifier

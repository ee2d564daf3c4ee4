"""verify_ob3 on VC-JWT credentials: ES256 and RS256 tokens verify; tampered or mis-attributed tokens fail."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest

from mc_lms_bridge.crypto.jws import encode_vc_jwt
from mc_lms_bridge.crypto.keys import EDDSA, ES256, RS256, generate_private_key
from mc_lms_bridge.verification.fetching import StaticFetcher
from mc_lms_bridge.verification.ob3 import verify_ob3

from .issuers import INDEX, LOADER, NOW, TestIssuer, status_list, unsigned_credential


@pytest.fixture(scope="module")
def issuer():
    return TestIssuer(**{"key-1": generate_private_key(EDDSA), "es": generate_private_key(ES256),
                         "rs": generate_private_key(RS256)})


def fetcher(issuer, *lists):
    return StaticFetcher({issuer.did_url: issuer.did_document(), **{item["id"]: item for item in lists}})


def verify(token, source, **kwargs):
    return verify_ob3(token, fetch=source, now=kwargs.pop("now", NOW), loader=LOADER, **kwargs)


def outcome(report, name):
    return [check.outcome for check in report.checks_named(name)]


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@pytest.mark.parametrize("name", ["es", "rs", "key-1"])
def test_jwt_credentials_verify(issuer, name):
    token = issuer.sign_jwt(unsigned_credential(), name)
    report = verify(token, fetcher(issuer, status_list(issuer)))
    assert report.verified, report.to_dict()["checks"]
    assert report.format == "vc-jwt" and report.status == "active" and report.issuer == issuer.did
    assert [check.name for check in report.checks] == ["format", "proof", "issuer", "schema", "validity", "status"]


def test_revoked_jwt_credential_is_reported(issuer):
    token = issuer.sign_jwt(unsigned_credential(), "es")
    report = verify(token, fetcher(issuer, status_list(issuer, set_bits=[INDEX])))
    assert report.status == "revoked" and not report.verified


def test_tampered_jwt_fails(issuer):
    token = issuer.sign_jwt(unsigned_credential(), "es")
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["result"] = [{"type": ["Result"], "value": "10/10"}]
    forged_payload = f"{header}.{_b64(claims)}.{signature}"
    flipped = signature[:5] + ("A" if signature[5] != "A" else "B") + signature[6:]
    for bad in (forged_payload, f"{header}.{payload}.{flipped}", f"{header}.{payload}.", token[:-10]):
        report = verify(bad, fetcher(issuer, status_list(issuer)))
        assert outcome(report, "proof") == ["failed"] and not report.verified


def test_kid_of_a_key_removed_from_the_did_document_fails(issuer):
    token = issuer.sign_jwt(unsigned_credential(), "rs")
    rotated = TestIssuer(**issuer.keys)
    rotated.published = ["key-1", "es"]
    report = verify(token, fetcher(rotated), check_status=False)
    assert outcome(report, "proof") == ["failed"] and outcome(report, "issuer") == ["failed"]


def test_token_signed_by_another_did_fails_issuer_check(issuer):
    intruder = TestIssuer("did:web:intruder.example", es=generate_private_key(ES256))
    credential = unsigned_credential()
    token = encode_vc_jwt(credential, alg=ES256, private_key=intruder.keys["es"], kid=intruder.vm("es"))
    source = StaticFetcher({issuer.did_url: issuer.did_document(), intruder.did_url: intruder.did_document()})
    report = verify(token, source, check_status=False)
    assert outcome(report, "proof") == ["passed"] and outcome(report, "issuer") == ["failed"]
    assert "controlled by did:web:intruder.example" in report.checks_named("issuer")[0].message


def test_embedded_jwk_without_kid_is_not_trusted(issuer):
    token = encode_vc_jwt(unsigned_credential(), alg=ES256, private_key=issuer.keys["es"])
    report = verify(token, fetcher(issuer), check_status=False)
    assert outcome(report, "proof") == ["failed"] and "kid" in report.checks_named("proof")[0].message


def test_expired_jwt_fails_validity(issuer):
    from formats.sample_records import sample_microcredential

    credential = unsigned_credential(microcredential=sample_microcredential(valid_for_days=30))
    token = issuer.sign_jwt(credential, "es")
    assert verify(token, fetcher(issuer), check_status=False).verified
    report = verify(token, fetcher(issuer), check_status=False, now=NOW + timedelta(days=60))
    assert outcome(report, "validity") == ["failed"] and "expired" in report.checks_named("validity")[0].message


@pytest.mark.parametrize("garbage", ["", "a.b.c", "x" * 100, "....", f"{_b64({'alg': 'none'})}.{_b64({})}.",
                                     f"{_b64({'alg': 'ES256', 'kid': 'did:web:x#k'})}.{_b64({'iss': 1})}.AAAA"])
def test_garbage_tokens_give_failed_checks(issuer, garbage):
    report = verify(garbage, fetcher(issuer))
    assert not report.verified and "failed" in outcome(report, "format") + outcome(report, "proof")
    json.dumps(report.to_dict())

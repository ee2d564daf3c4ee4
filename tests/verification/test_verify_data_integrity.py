"""verify_ob3 on Data Integrity credentials: a good one verifies; each kind of fault is reported, never raised."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from mc_lms_bridge.crypto.keys import EDDSA, ed25519_public_multikey, generate_private_key
from mc_lms_bridge.verification.fetching import FetchError, StaticFetcher
from mc_lms_bridge.verification.ob3 import verify_ob3

from .issuers import (
    INDEX,
    LOADER,
    NOW,
    REVOCATION_LIST,
    SUSPENSION_LIST,
    TestIssuer,
    revocation_entry,
    status_list,
    unsigned_credential,
)

FIXTURES = Path(__file__).parents[1] / "data" / "js_stack"


def verify(credential, fetcher, *, now=NOW, **kwargs):
    return verify_ob3(credential, fetch=fetcher, now=now, loader=LOADER, **kwargs)


def outcome(report, name):
    return [check.outcome for check in report.checks_named(name)]


@pytest.fixture(scope="module")
def issuer():
    return TestIssuer()


@pytest.fixture(scope="module")
def signed(issuer):
    return issuer.sign(unsigned_credential())


def fetcher_for(issuer, *lists, extra=None):
    mapping = {issuer.did_url: issuer.did_document(), **{item["id"]: item for item in lists}}
    return StaticFetcher({**mapping, **(extra or {})})


def test_signed_credential_verifies_with_every_check_passed(issuer, signed):
    report = verify(signed, fetcher_for(issuer, status_list(issuer)))
    assert report.verified, report.to_dict()["checks"]
    assert [check.name for check in report.checks] == ["format", "proof", "issuer", "schema", "validity", "status"]
    assert all(check.outcome == "passed" for check in report.checks)
    assert report.status == "active" and report.format == "data-integrity" and report.issuer == issuer.did
    assert json.loads(json.dumps(report.to_dict()))["verified"] is True


def test_the_callers_credential_is_not_modified(issuer, signed):
    before = json.dumps(signed, sort_keys=True)
    verify(signed, fetcher_for(issuer, status_list(issuer)))
    assert json.dumps(signed, sort_keys=True) == before


def test_changed_proof_value_fails(issuer, signed):
    tampered = json.loads(json.dumps(signed))
    value = tampered["proof"]["proofValue"]
    tampered["proof"]["proofValue"] = value[:-2] + ("22" if value[-2:] != "22" else "33")
    report = verify(tampered, fetcher_for(issuer, status_list(issuer)))
    assert outcome(report, "proof") == ["failed"] and not report.verified


def test_changed_verification_method_fails(issuer, signed):
    other = TestIssuer(**{"key-1": issuer.keys["key-1"], "key-2": generate_private_key(EDDSA)})
    tampered = json.loads(json.dumps(signed))
    tampered["proof"]["verificationMethod"] = other.vm("key-2")
    report = verify(tampered, fetcher_for(other, status_list(issuer)))
    assert outcome(report, "proof") == ["failed"] and not report.verified


def test_revoked_credential_is_reported(issuer, signed):
    report = verify(signed, fetcher_for(issuer, status_list(issuer, set_bits=[INDEX])))
    assert report.status == "revoked" and not report.verified
    assert outcome(report, "status") == ["failed"]
    assert "revoked" in report.checks_named("status")[0].message
    neighbour = verify(signed, fetcher_for(issuer, status_list(issuer, set_bits=[INDEX - 1, INDEX + 1])))
    assert neighbour.status == "active" and neighbour.verified


def test_suspended_credential_is_reported(issuer):
    entries = [revocation_entry(), revocation_entry(SUSPENSION_LIST, "suspension")]
    credential = issuer.sign(unsigned_credential(status_entries=entries))
    lists = (status_list(issuer), status_list(issuer, url=SUSPENSION_LIST, purpose="suspension", set_bits=[INDEX]))
    report = verify(credential, fetcher_for(issuer, *lists))
    assert report.status == "suspended" and not report.verified
    assert outcome(report, "status") == ["passed", "failed"]
    lifted = (lists[0], status_list(issuer, url=SUSPENSION_LIST, purpose="suspension"))
    assert verify(credential, fetcher_for(issuer, *lifted)).status == "active"


def test_status_list_signed_by_someone_else_fails(issuer, signed):
    intruder = TestIssuer("did:web:intruder.example")
    forged_by_intruder = status_list(intruder)  # issued and signed by another DID
    forged_claiming_issuer = status_list(issuer, signer=intruder)  # claims our issuer, signed with intruder's key
    forged_claiming_issuer["proof"]["verificationMethod"] = issuer.vm("key-1")
    for forged in (forged_by_intruder, forged_claiming_issuer):
        report = verify(signed, fetcher_for(issuer, forged, extra={intruder.did_url: intruder.did_document()}))
        assert outcome(report, "status") == ["failed"] and report.status == "unknown" and not report.verified
    forged_with_own_key = status_list(issuer, signer=intruder)
    report = verify(signed, fetcher_for(issuer, forged_with_own_key,
                                        extra={intruder.did_url: intruder.did_document()}))
    assert outcome(report, "status") == ["failed"]
    assert "controlled by did:web:intruder.example" in report.checks_named("status")[0].message


def test_tampered_or_expired_status_list_fails(issuer, signed):
    tampered = status_list(issuer)
    tampered["credentialSubject"]["encodedList"] = status_list(issuer, set_bits=[1])["credentialSubject"][
        "encodedList"]
    expired = status_list(issuer, valid_from=NOW - timedelta(days=30), valid_until=NOW - timedelta(days=1))
    for bad in (tampered, expired):
        report = verify(signed, fetcher_for(issuer, bad))
        assert outcome(report, "status") == ["failed"] and report.status == "unknown"


def test_status_list_fetch_failure_is_a_failed_check_with_reason(issuer, signed):
    def fetch(url):
        if url == REVOCATION_LIST:
            raise FetchError(url, "the server answered 503.")
        return fetcher_for(issuer).fetch(url)

    report = verify(signed, fetch)
    assert outcome(report, "status") == ["failed"] and "503" in report.checks_named("status")[0].message
    assert outcome(verify(signed, fetcher_for(issuer)), "status") == ["failed"]  # list not published at all


def test_unknown_status_type_is_a_warning(issuer):
    entry = {"id": "https://example.org/status#1", "type": "https://example.org/vocab#FutureStatusEntry"}
    credential = issuer.sign(unsigned_credential(status_entries=[entry]))
    report = verify(credential, fetcher_for(issuer))
    assert outcome(report, "status") == ["warning"] and report.status == "unknown"
    assert report.verified


def test_status_not_checked_when_told(issuer, signed):
    report = verify(signed, fetcher_for(issuer), check_status=False)
    assert outcome(report, "status") == ["skipped"] and report.status == "unknown" and report.verified


@pytest.mark.parametrize(("now", "words"), [
    (NOW.replace(year=2024), "not valid yet"),
    (NOW + timedelta(days=400), "expired"),
])
def test_expired_and_not_yet_valid(issuer, now, words):
    from formats.sample_records import sample_microcredential

    credential = issuer.sign(unsigned_credential(microcredential=sample_microcredential(valid_for_days=365)))
    lists = [status_list(issuer, valid_from=NOW.replace(year=2024) - timedelta(days=1))]
    assert verify(credential, fetcher_for(issuer, *lists)).verified
    report = verify(credential, fetcher_for(issuer, *lists), now=now)
    assert outcome(report, "validity") == ["failed"] and words in report.checks_named("validity")[0].message
    assert outcome(report, "proof") == ["passed"] and not report.verified


def test_key_rotation(issuer):
    rotating = TestIssuer(**{"key-1": generate_private_key(EDDSA), "key-2": generate_private_key(EDDSA)})
    old = rotating.sign(unsigned_credential(), "key-1")
    assert verify(old, fetcher_for(rotating), check_status=False).verified
    rotating.published = ["key-1", "key-2"][1:] + ["key-1"]  # key-2 now current, key-1 still listed
    assert verify(old, fetcher_for(rotating), check_status=False).verified
    rotating.published = ["key-2"]  # key-1 retired and removed from the DID document
    report = verify(old, fetcher_for(rotating), check_status=False)
    assert outcome(report, "proof") == ["failed"] and outcome(report, "issuer") == ["failed"]
    assert verify(rotating.sign(unsigned_credential(), "key-2"), fetcher_for(rotating), check_status=False).verified


def test_key_listed_but_not_for_assertion_fails_issuer_check(issuer, signed):
    document = issuer.did_document()
    document["assertionMethod"] = []
    report = verify(signed, StaticFetcher({issuer.did_url: document}), check_status=False)
    assert outcome(report, "proof") == ["passed"] and outcome(report, "issuer") == ["failed"]
    assert "assertionMethod" in report.checks_named("issuer")[0].message


def test_credential_signed_by_another_issuers_key_fails_issuer_check(issuer):
    intruder = TestIssuer("did:web:intruder.example")
    credential = intruder.sign(unsigned_credential())  # the issuer profile still says the university
    report = verify(credential, fetcher_for(intruder, extra={issuer.did_url: issuer.did_document()}),
                    check_status=False)
    assert outcome(report, "proof") == ["passed"] and outcome(report, "issuer") == ["failed"]
    assert not report.verified


def test_did_key_credential_verifies_without_any_fetch():
    key = generate_private_key(EDDSA)
    did = f"did:key:{ed25519_public_multikey(key)}"
    holder = TestIssuer(did, **{ed25519_public_multikey(key): key})
    unsigned = unsigned_credential(status_entries=[])
    unsigned["issuer"]["id"] = did
    credential = holder.sign(unsigned, ed25519_public_multikey(key))
    nothing = StaticFetcher({})
    report = verify(credential, nothing)
    assert report.verified, report.to_dict()["checks"]
    assert nothing.requests == [] and report.status == "unknown"


def test_unknown_proof_type_is_a_failed_check(issuer, signed):
    for proof in ({**signed["proof"], "type": "Ed25519Signature2020"},
                  {**signed["proof"], "cryptosuite": "ecdsa-rdfc-2019"}, "a string", [], None):
        odd = {**signed, "proof": proof}
        report = verify(odd, fetcher_for(issuer, status_list(issuer)))
        assert outcome(report, "proof") == ["failed"] and not report.verified


@pytest.mark.parametrize("garbage", [
    {}, {"@context": "https://www.w3.org/ns/credentials/v2"}, {"proof": {"type": "DataIntegrityProof"}},
    {"@context": ["https://example.org/unknown-context"], "type": "OpenBadgeCredential", "proof": {}},
    {"issuer": {"id": 5}, "credentialStatus": [1, None, {"type": "BitstringStatusListEntry"}]},
    {"validFrom": "yesterday", "validUntil": 7, "credentialSubject": [[[]]]},
    42, None, ["list"], b"bytes", "", "a.b.c", "not a token",
])
def test_garbage_gives_failed_checks_never_exceptions(issuer, garbage):
    report = verify(garbage, fetcher_for(issuer))
    assert not report.verified
    assert "failed" in outcome(report, "format") + outcome(report, "proof")
    json.dumps(report.to_dict())


def test_deeply_nested_dict_gives_failed_check(issuer):
    deep: dict = {}
    node = deep
    for _ in range(5000):
        node["a"] = {}
        node = node["a"]
    assert not verify(deep, fetcher_for(issuer)).verified


def test_schema_failures_list_the_paths(issuer):
    unsigned = unsigned_credential()
    del unsigned["credentialSubject"]["achievement"]["criteria"]
    report = verify(issuer.sign(unsigned), fetcher_for(issuer, status_list(issuer)))
    assert outcome(report, "schema") == ["failed"] and "achievement" in report.checks_named("schema")[0].message
    assert outcome(report, "proof") == ["passed"]


def test_another_issuers_published_example_verifies_over_https():
    def load(name):
        return json.loads((FIXTURES / name).read_text())

    credential = load("constructed-ob3-microcredential-signed.json")
    controller = load("constructed-controller-document.json")
    status = load("constructed-bitstring-status-list-credential-signed.json")
    fetcher = StaticFetcher({controller["id"]: controller, status["id"]: status})
    report = verify(credential, fetcher, now=NOW)
    assert [c.outcome for c in report.checks if c.name != "schema"] == ["passed"] * 5, report.to_dict()["checks"]
    assert report.status == "active"
    revoked = {**credential["credentialStatus"], "statusListIndex": "23"}  # bit 23 is set in that list
    tampered = verify({**credential, "credentialStatus": revoked}, fetcher, now=NOW)
    assert outcome(tampered, "proof") == ["failed"]

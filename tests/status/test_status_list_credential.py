"""Tests for mc_lms_bridge.status.status_list_credential builders and check_status."""

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mc_lms_bridge.status.bitstring import encode_list, new_list, set_bit
from mc_lms_bridge.status.status_list_credential import (
    StatusListInputError,
    build_status_entry,
    build_status_list_credential,
    check_status,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "status"
LIST_URL = "https://lms.example.edu/ob3/status/1"
ISSUER = "https://lms.example.edu/ob3/issuers/1"
VALID_FROM = datetime(2025, 6, 30, tzinfo=UTC)


def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _encoded(*indices: int) -> str:
    bits = new_list()
    for index in indices:
        set_bit(bits, index)
    return encode_list(bits)


def _list_credential(purpose: str = "revocation", *indices: int) -> dict:
    return build_status_list_credential(
        list_url=LIST_URL, issuer_id=ISSUER, purpose=purpose, encoded_list=_encoded(*indices),
        valid_from=VALID_FROM,
    )


def test_builder_reproduces_constructed_example_without_its_proof():
    example = _load("constructed-bitstring-status-list-credential-signed.json")
    example.pop("proof")
    built = build_status_list_credential(
        list_url=LIST_URL, issuer_id=ISSUER, purpose="revocation", encoded_list=_encoded(23),
        valid_from="2025-06-30T00:00:00Z",
    )
    assert built == example


def test_builder_adds_valid_until_and_ttl_and_normalises_to_utc():
    built = build_status_list_credential(
        list_url=LIST_URL, issuer_id=ISSUER, purpose="suspension", encoded_list=_encoded(),
        valid_from=datetime(2025, 6, 30, 2, 0, tzinfo=timezone(timedelta(hours=2))),
        valid_until=VALID_FROM + timedelta(days=1), ttl_ms=300_000,
    )
    assert built["validFrom"] == "2025-06-30T00:00:00Z"
    assert built["validUntil"] == "2025-07-01T00:00:00Z"
    assert built["credentialSubject"]["ttl"] == 300_000
    assert built["credentialSubject"]["statusPurpose"] == "suspension"
    assert built["credentialSubject"]["id"] == LIST_URL + "#list"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"list_url": "status/1"}, "absolute URL"),
        ({"list_url": LIST_URL + "#frag"}, "without a fragment"),
        ({"issuer_id": ""}, "issuer_id"),
        ({"purpose": "message"}, "statusPurpose"),
        ({"encoded_list": "uAAAA"}, "encoded_list"),
        ({"valid_from": datetime(2025, 6, 30)}, "time zone"),
        ({"valid_from": "yesterday"}, "ISO 8601"),
        ({"valid_until": datetime(2025, 6, 29, tzinfo=UTC)}, "earlier"),
        ({"ttl_ms": 0}, "ttl_ms"),
        ({"ttl_ms": True}, "ttl_ms"),
    ],
)
def test_builder_rejects_bad_input(changes, message):
    arguments = dict(list_url=LIST_URL, issuer_id=ISSUER, purpose="revocation",
                     encoded_list=_encoded(), valid_from=VALID_FROM)
    arguments.update(changes)
    with pytest.raises(StatusListInputError, match=message):
        build_status_list_credential(**arguments)


def test_entry_has_string_index_and_points_at_list():
    entry = build_status_entry(list_url=LIST_URL, index=23, purpose="revocation")
    assert entry == {
        "id": LIST_URL + "#23",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "23",
        "statusListCredential": LIST_URL,
    }


@pytest.mark.parametrize("index", [-1, "3", 1.5, True, None])
def test_entry_rejects_bad_index(index):
    with pytest.raises(StatusListInputError, match="index"):
        build_status_entry(list_url=LIST_URL, index=index, purpose="revocation")


def test_revoked_bit_is_reported():
    result = check_status(build_status_entry(list_url=LIST_URL, index=23, purpose="revocation"),
                          _list_credential("revocation", 23))
    assert result.status == 1 and result.determined and not result.valid
    assert result.reasons == ("Bit 23 of the revocation list is set.",)


def test_clear_bit_is_valid():
    result = check_status(build_status_entry(list_url=LIST_URL, index=22, purpose="revocation"),
                          _list_credential("revocation", 23))
    assert result.status == 0 and result.valid


def test_constructed_example_bit_23_is_set_and_bit_24_is_not():
    example = _load("constructed-bitstring-status-list-credential-signed.json")
    set_entry = build_status_entry(list_url=example["id"], index=23, purpose="revocation")
    clear_entry = build_status_entry(list_url=example["id"], index=24, purpose="revocation")
    assert check_status(set_entry, example).status == 1
    assert check_status(clear_entry, example).status == 0


def test_1edtech_entry_and_list_read_bit_23_when_urls_agree():
    testlist = _load("1edtech-validator-testlist.json")
    entry = _load("1edtech-validator-credential-status-revoked.json")["credentialStatus"]
    assert check_status(entry, testlist).status is None  # its statusListCredential URL differs from list id
    entry = dict(entry, statusListCredential=testlist["id"])  # the index stays the JSON number 23
    result = check_status(entry, testlist)
    assert result.status == 1 and not result.valid


def test_purpose_mismatch_is_not_determined():
    result = check_status(build_status_entry(list_url=LIST_URL, index=23, purpose="suspension"),
                          _list_credential("revocation", 23))
    assert result.status is None and not result.valid
    assert any("statusPurpose 'suspension'" in reason for reason in result.reasons)


def test_list_with_several_purposes_accepts_each():
    credential = _list_credential("revocation", 5)
    credential["credentialSubject"]["statusPurpose"] = ["revocation", "suspension"]
    entry = build_status_entry(list_url=LIST_URL, index=5, purpose="suspension")
    assert check_status(entry, credential).status == 1


def test_index_beyond_list_is_a_range_error():
    result = check_status(build_status_entry(list_url=LIST_URL, index=131_072, purpose="revocation"),
                          _list_credential())
    assert result.status is None
    assert any(reason.startswith("RANGE_ERROR") for reason in result.reasons)


@pytest.mark.parametrize("index", ["-1", "0x10", "", "٣", 2.0, None])
def test_malformed_index_is_reported(index):
    entry = dict(build_status_entry(list_url=LIST_URL, index=0, purpose="revocation"), statusListIndex=index)
    result = check_status(entry, _list_credential())
    assert result.status is None
    assert any("statusListIndex" in reason for reason in result.reasons)


def test_undecodable_list_is_reported():
    credential = _list_credential()
    credential["credentialSubject"]["encodedList"] = "not-multibase"
    result = check_status(build_status_entry(list_url=LIST_URL, index=0, purpose="revocation"), credential)
    assert result.status is None
    assert any("cannot be decoded" in reason for reason in result.reasons)


def test_wrong_types_and_status_size_are_reported():
    credential = _list_credential()
    credential["type"] = ["VerifiableCredential"]
    credential["credentialSubject"]["statusSize"] = 2
    entry = build_status_entry(list_url=LIST_URL, index=0, purpose="revocation")
    entry["type"] = "StatusList2021Entry"
    reasons = check_status(entry, credential).reasons
    assert any("BitstringStatusListEntry" in reason for reason in reasons)
    assert any("BitstringStatusListCredential" in reason for reason in reasons)
    assert any("statusSize 1" in reason for reason in reasons)


def test_non_objects_are_reported_not_raised():
    result = check_status("entry", None)
    assert result.status is None and result.reasons

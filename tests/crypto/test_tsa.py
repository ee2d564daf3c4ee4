"""Tests for the RFC 3161 time-stamp client against a local in-process TSA."""

import base64
import hashlib
import importlib.util
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import tsp

from mc_lms_bridge.crypto.tsa import (
    TIMESTAMP_QUERY_TYPE,
    TimestampClient,
    TimestampMismatchError,
    TimestampRejectedError,
    TimestampResponseError,
    TimestampTokenError,
    build_timestamp_request,
    parse_timestamp_response,
    parse_timestamp_token,
    verify_timestamp_signature,
)

NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
HERE = Path(__file__).parent
EU_SAMPLE = HERE.parent / "data" / "jades" / "eu-edci-sealed-presentation.json"


def load_local_tsa():
    spec = importlib.util.spec_from_file_location("local_tsa", HERE / "local_tsa.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


local_tsa = load_local_tsa()


def client_for(tsa, **options) -> TimestampClient:
    return TimestampClient("https://tsa.invalid/tsr", tsa.http_post, **options)


def test_request_is_der_timestampreq_with_imprint_nonce_and_cert_req():
    digest = hashlib.sha256(b"data").digest()
    request = tsp.TimeStampReq.load(build_timestamp_request(digest, nonce=99, policy="1.2.3"))
    assert request["version"].native == "v1"
    assert request["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"
    assert request["message_imprint"]["hashed_message"].native == digest
    assert request["nonce"].native == 99
    assert request["cert_req"].native is True
    assert request["req_policy"].dotted == "1.2.3"


def test_request_refuses_a_digest_of_the_wrong_size():
    with pytest.raises(ValueError, match="not a sha256 digest"):
        build_timestamp_request(b"short")


def test_client_round_trip_posts_query_and_returns_checked_token():
    tsa = local_tsa.LocalTimestampAuthority(NOW)
    token = client_for(tsa, nonce_factory=lambda: 12345).timestamp(b"signature value")
    url, body, headers = tsa.requests[0]
    assert url == "https://tsa.invalid/tsr"
    assert headers == {"Content-Type": TIMESTAMP_QUERY_TYPE}
    assert tsp.TimeStampReq.load(body)["nonce"].native == 12345
    assert token.gen_time == NOW
    assert token.nonce == 12345
    assert token.policy == local_tsa.TSA_POLICY
    assert token.message_imprint == hashlib.sha256(b"signature value").digest()
    assert token.imprint_matches(b"signature value")
    assert not token.imprint_matches(b"signature valuE")
    assert verify_timestamp_signature(token) == tsa.certificate


def test_client_supports_sha512_imprints():
    tsa = local_tsa.LocalTimestampAuthority(NOW)
    token = client_for(tsa, hash_algorithm="sha512").timestamp(b"x")
    assert token.hash_algorithm == "sha512"
    assert token.message_imprint == hashlib.sha512(b"x").digest()


@pytest.mark.parametrize("status", ["rejection", "waiting", "revocation_warning"])
def test_refused_request_raises_with_the_status(status):
    tsa = local_tsa.LocalTimestampAuthority(NOW, status=status)
    with pytest.raises(TimestampRejectedError, match=status):
        client_for(tsa).timestamp(b"x")


def test_token_for_other_data_is_rejected():
    tsa = local_tsa.LocalTimestampAuthority(NOW)
    tsa.tamper_imprint = True
    with pytest.raises(TimestampMismatchError, match="different data"):
        client_for(tsa).timestamp(b"x")


def test_token_with_other_nonce_is_rejected():
    tsa = local_tsa.LocalTimestampAuthority(NOW)
    tsa.tamper_nonce = True
    with pytest.raises(TimestampMismatchError, match="nonce"):
        client_for(tsa).timestamp(b"x")


def test_token_with_bad_tsa_signature_is_rejected():
    tsa = local_tsa.LocalTimestampAuthority(NOW)
    tsa.tamper_signature = True
    with pytest.raises(TimestampTokenError, match="does not verify"):
        client_for(tsa).timestamp(b"x")


def test_tsa_certificate_without_time_stamping_usage_is_rejected():
    tsa = local_tsa.LocalTimestampAuthority(NOW, time_stamping=False)
    with pytest.raises(TimestampTokenError, match="timeStamping"):
        client_for(tsa).timestamp(b"x")


def test_tampered_tstinfo_breaks_the_message_digest():
    tsa = local_tsa.LocalTimestampAuthority(NOW)
    token = client_for(tsa).timestamp(b"x")
    original = hashlib.sha256(b"x").digest()
    forged_der = token.der.replace(original, hashlib.sha256(b"y").digest())
    forged = parse_timestamp_token(forged_der)
    assert forged.imprint_matches(b"y")
    with pytest.raises(TimestampTokenError, match="message digest"):
        verify_timestamp_signature(forged)


@pytest.mark.parametrize("body", [b"", b"<html>502 Bad Gateway</html>", b"\x30\x00"])
def test_garbage_response_raises_response_error(body):
    with pytest.raises(TimestampResponseError):
        parse_timestamp_response(body)


def test_garbage_token_raises_token_error():
    with pytest.raises(TimestampTokenError, match="not a valid"):
        parse_timestamp_token(b"\x30\x03\x02\x01\x01")


def test_transport_errors_from_the_injected_post_propagate():
    def failing_post(url, body, headers):
        raise ConnectionError("TSA unreachable")

    with pytest.raises(ConnectionError):
        TimestampClient("https://tsa.invalid", failing_post).timestamp(b"x")


def test_unknown_hash_algorithm_is_refused():
    with pytest.raises(ValueError, match="hash_algorithm"):
        TimestampClient("https://tsa.invalid", lambda *a: b"", hash_algorithm="md5")


def test_real_eu_issuer_signature_timestamp_parses_and_verifies():
    signature = json.loads(EU_SAMPLE.read_text())["signatures"][0]
    item = signature["header"]["etsiU"][0]
    sig_tst = json.loads(base64.urlsafe_b64decode(item + "=" * (-len(item) % 4)))["sigTst"]
    token = parse_timestamp_token(base64.b64decode(sig_tst["tstTokens"][0]["val"]))
    assert token.gen_time == datetime(2022, 8, 19, 11, 10, 46, tzinfo=UTC)
    assert token.imprint_matches(signature["signature"].encode("ascii"))
    tsa_certificate = verify_timestamp_signature(token)
    assert "self-signed-tsa" in tsa_certificate.subject.rfc4514_string()

"""parse_credential_input: JSON objects and compact JWS accepted; everything else refused with one sentence."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mc_lms_bridge.verification.credential_input import CredentialInputError, parse_credential_input

TOKEN = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl"


def test_accepts_json_objects_as_bytes_or_text():
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"], "name": "Amélie"}
    encoded = json.dumps(document, ensure_ascii=False)
    assert parse_credential_input(encoded.encode("utf-8")) == document
    assert parse_credential_input("\ufeff  " + encoded + "\n") == document


def test_accepts_compact_jws():
    assert parse_credential_input(TOKEN.encode("ascii")) == TOKEN
    assert parse_credential_input(f"  {TOKEN}\n") == TOKEN


@pytest.mark.parametrize(("raw", "reason"), [
    (b"\xff\xfe{}", "not UTF-8"),
    (b"", "empty"),
    (b"   ", "empty"),
    (b"not json", "neither JSON nor a compact JWS"),
    (b"[1, 2]", "not an array"),
    (b'"text"', "not a string"),
    (b"42", "not a number"),
    (b"null", "not null"),
    (b'{"a": 1, "a": 2}', "repeats"),
    (b'{"a": NaN}', "NaN"),
    (b"a.b", "neither JSON"),
    (b"[" * 65 + b"]" * 65, "not an array"),
    (b'{"a":' * 65 + b"1" + b"}" * 65, "deeper than 64"),
    (b"[" * 100_000, "deeper than 64"),
])
def test_refuses_bad_input_with_one_sentence(raw, reason):
    with pytest.raises(CredentialInputError, match=reason) as caught:
        parse_credential_input(raw, max_bytes=200_000)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message


def test_depth_limit_is_exactly_64():
    assert parse_credential_input('{"a":' * 63 + "[1]" + "}" * 63) is not None
    with pytest.raises(CredentialInputError):
        parse_credential_input('{"a":' * 64 + "[1]" + "}" * 64)


def test_size_limit_is_passed_in():
    body = json.dumps({"name": "x" * 100}).encode()
    assert parse_credential_input(body, max_bytes=len(body)) == {"name": "x" * 100}
    with pytest.raises(CredentialInputError, match="larger than the limit of 50 bytes"):
        parse_credential_input(body, max_bytes=50)
    with pytest.raises(CredentialInputError, match="larger"):
        parse_credential_input("é" * 30, max_bytes=50)  # 60 bytes as UTF-8


def test_programmer_errors_raise_type_error():
    with pytest.raises(TypeError):
        parse_credential_input({"already": "parsed"})
    with pytest.raises(TypeError):
        parse_credential_input(b"{}", max_bytes=0)


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise_anything_else(raw):
    try:
        result = parse_credential_input(raw, max_bytes=200)
    except CredentialInputError:
        return
    assert isinstance(result, dict | str)

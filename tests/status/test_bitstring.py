"""Tests for mc_lms_bridge.status.bitstring against the 1EdTech and constructed status list vectors."""

import base64
import gzip
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mc_lms_bridge.status.bitstring import (
    MAX_DECODED_BYTES,
    MIN_BITS,
    Base64UrlError,
    BitIndexError,
    BitstringSizeError,
    BitstringTooLargeError,
    GzipError,
    MultibasePrefixError,
    decode_list,
    encode_list,
    get_bit,
    new_list,
    set_bit,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "status"


def _encoded_list(name: str) -> str:
    return json.loads((DATA / name).read_text(encoding="utf-8"))["credentialSubject"]["encodedList"]


def _b64(raw: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _raw(encoded: str) -> bytes:
    text = encoded[1:]
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_data_copies_are_the_published_bytes():
    expected = {
        "1edtech-validator-testlist.json": "e10d41b60f040b70830591a5bb2da53f879077a79b0419f866aaba769f12da7e",
        "constructed-bitstring-status-list-credential-signed.json":
            "8ec3fb81ba5fc7a0ad65bf3449b7c695f43f42c17d854a2f3a7852178cc15f78",
    }
    for name, digest in expected.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    "name", ["1edtech-validator-testlist.json", "constructed-bitstring-status-list-credential-signed.json"]
)
def test_vectors_decode_to_131072_bits_with_only_bit_23_set(name):
    bits = decode_list(_encoded_list(name))
    assert len(bits) * 8 == MIN_BITS
    assert [i for i in range(MIN_BITS) if get_bit(bits, i)] == [23]
    assert bits[2] == 0x01  # bit 23 is the least significant bit of byte 2: index 0 = MSB of byte 0


def test_encoder_reproduces_constructed_vector_exactly():
    bits = new_list()
    set_bit(bits, 23)
    assert encode_list(bits) == _encoded_list("constructed-bitstring-status-list-credential-signed.json")


def test_encoder_matches_1edtech_vector_except_gzip_header_xfl_and_os_bytes():
    bits = new_list()
    set_bit(bits, 23)
    ours = _raw(encode_list(bits))
    theirs = _raw(_encoded_list("1edtech-validator-testlist.json"))
    assert ours[:8] == theirs[:8]
    assert (ours[8], ours[9]) == (2, 3) and (theirs[8], theirs[9]) == (0, 255)
    assert ours[10:] == theirs[10:]


def test_encoding_matches_python_gzip_and_is_stable():
    bits = new_list(MIN_BITS * 2)
    set_bit(bits, 0)
    set_bit(bits, MIN_BITS * 2 - 1)
    encoded = encode_list(bits)
    assert encoded == encode_list(bytes(bits))
    assert encoded == _b64(gzip.compress(bytes(bits), compresslevel=9, mtime=0))


@given(st.sets(st.integers(min_value=0, max_value=MIN_BITS - 1), max_size=40))
def test_round_trip_preserves_exactly_the_set_bits(indices):
    bits = new_list()
    for index in indices:
        set_bit(bits, index)
    decoded = decode_list(encode_list(bits))
    assert decoded == bits
    assert {i for i in indices if get_bit(decoded, i)} == indices


def test_set_bit_false_clears_only_that_bit():
    bits = new_list()
    set_bit(bits, 7)
    set_bit(bits, 8)
    set_bit(bits, 7, False)
    assert not get_bit(bits, 7)
    assert get_bit(bits, 8)
    assert bits[0] == 0 and bits[1] == 0x80


def test_bit_zero_is_most_significant_bit_of_first_byte():
    bits = new_list()
    set_bit(bits, 0)
    assert bits[0] == 0x80


@pytest.mark.parametrize("size", [MIN_BITS - 8, 8, 0, MIN_BITS + 1, "131072", True])
def test_new_list_rejects_bad_sizes(size):
    with pytest.raises(BitstringSizeError):
        new_list(size)


def test_encode_rejects_short_bitstring():
    with pytest.raises(BitstringSizeError, match="at least 131072"):
        encode_list(bytes(MIN_BITS // 8 - 1))


@pytest.mark.parametrize("index", [-1, MIN_BITS, 10**9, 1.0, None, True])
def test_index_out_of_range_or_not_integer(index):
    bits = new_list()
    with pytest.raises(BitIndexError):
        get_bit(bits, index)
    with pytest.raises(BitIndexError):
        set_bit(bits, index)


def test_index_error_is_also_an_index_error():
    with pytest.raises(IndexError):
        get_bit(new_list(), MIN_BITS)


@pytest.mark.parametrize("encoded", ["", "zH4sI", "H4sIAAAA", "mH4sI", None, 42])
def test_decode_rejects_missing_or_wrong_multibase_prefix(encoded):
    with pytest.raises(MultibasePrefixError):
        decode_list(encoded)


@pytest.mark.parametrize("encoded", ["u", "uH4sI+AAA", "uH4sI/AAA", "uH4sIAA==", "uH4sIA", "u H4s"])
def test_decode_rejects_bad_base64url(encoded):
    with pytest.raises(Base64UrlError):
        decode_list(encoded)


def test_decode_rejects_non_gzip_bytes():
    with pytest.raises(GzipError, match="not valid GZIP"):
        decode_list(_b64(b"this is plainly not gzip data"))


def test_decode_rejects_truncated_gzip():
    whole = gzip.compress(bytes(MIN_BITS // 8), mtime=0)
    with pytest.raises(GzipError, match="truncated"):
        decode_list(_b64(whole[:-6]))


def test_decode_rejects_trailing_bytes_after_member():
    whole = gzip.compress(bytes(MIN_BITS // 8), mtime=0)
    with pytest.raises(GzipError, match="after its GZIP member"):
        decode_list(_b64(whole + whole))


def test_decode_rejects_list_shorter_than_minimum():
    with pytest.raises(BitstringSizeError, match="fewer than 131072"):
        decode_list(_b64(gzip.compress(bytes(MIN_BITS // 8 - 1), mtime=0)))


def test_decode_refuses_gzip_bomb():
    with pytest.raises(BitstringTooLargeError):
        decode_list(_b64(gzip.compress(bytes(MAX_DECODED_BYTES + 8), mtime=0)))

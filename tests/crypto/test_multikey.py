"""Ed25519 Multikey and multibase base58btc against the published key vectors."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from mc_lms_bridge.crypto.multibase import MultibaseError, base58_decode, base58_encode, decode_base58btc
from mc_lms_bridge.crypto.multikey import (
    MultikeyError,
    decode_public_key,
    decode_secret_key,
    encode_public_key,
    encode_secret_key,
)

from .vectors import OB3_VECTOR, VC_DI_EDDSA, load_json, read_text


def test_w3c_key_pair_round_trips():
    pair = load_json(VC_DI_EDDSA / "keyPair.json")
    private_key = decode_secret_key(pair["privateKeyMultibase"])
    assert encode_public_key(private_key.public_key()) == pair["publicKeyMultibase"]
    assert encode_secret_key(private_key) == pair["privateKeyMultibase"]
    assert encode_public_key(decode_public_key(pair["publicKeyMultibase"])) == pair["publicKeyMultibase"]


def test_1edtech_key_pair_with_64_byte_secret():
    pair = load_json(OB3_VECTOR / "vector.json")["keyPair"]
    private_key = decode_secret_key(pair["secretKeyMultibase"])
    raw_public = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert raw_public.hex() == pair["publicKeyHex"]
    assert encode_public_key(private_key.public_key()) == pair["publicKeyMultibase"]


def test_base58_matches_published_signature_encoding():
    signature_hex = read_text(VC_DI_EDDSA / "eddsa-rdfc-2022" / "sigHexDataInt.txt").strip()
    proof_value = read_text(VC_DI_EDDSA / "eddsa-rdfc-2022" / "sigBTC58DataInt.txt").strip()
    assert "z" + base58_encode(bytes.fromhex(signature_hex)) == proof_value
    assert decode_base58btc(proof_value).hex() == signature_hex


def test_base58_leading_zero_bytes():
    assert base58_encode(b"\0\0\x01") == "112"
    assert base58_decode("112") == b"\0\0\x01"
    assert base58_decode("") == b""


@pytest.mark.parametrize("value", ["", "z", "m6Mk", "z0OIl", 42])
def test_bad_multibase_is_refused(value):
    with pytest.raises(MultibaseError):
        decode_base58btc(value)


def test_public_key_with_wrong_header_is_refused():
    pair = load_json(VC_DI_EDDSA / "keyPair.json")
    with pytest.raises(MultikeyError, match="0xed01"):
        decode_public_key(pair["privateKeyMultibase"])


def test_public_key_with_wrong_length_is_refused():
    with pytest.raises(MultikeyError, match="32"):
        decode_public_key("z" + base58_encode(b"\xed\x01" + b"\x01" * 31))


def test_secret_key_with_mismatched_public_half_is_refused():
    seed = b"\x07" * 32
    other_public = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with pytest.raises(MultikeyError, match="does not match"):
        decode_secret_key("z" + base58_encode(b"\x80\x26" + seed + other_public))


def test_errors_never_echo_secret_material():
    secret = "z" + base58_encode(b"\x80\x26" + b"\x05" * 31)
    with pytest.raises(MultikeyError) as caught:
        decode_secret_key(secret)
    assert secret not in str(caught.value)
    assert secret[5:20] not in str(caught.value)

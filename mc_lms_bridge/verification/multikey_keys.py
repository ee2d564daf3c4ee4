"""Decode Multikey ``publicKeyMultibase`` values of other issuers: Ed25519 (``z6Mk``) and P-256 (``zDn``) keys."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from mc_lms_bridge.crypto.keys import PublicKey
from mc_lms_bridge.crypto.multibase import MultibaseError, decode_base58btc

_ED25519_PUB = b"\xed\x01"  # multicodec ed25519-pub (0xed) as an unsigned varint
_P256_PUB = b"\x80\x24"  # multicodec p256-pub (0x1200) as an unsigned varint
MAX_MULTIBASE_CHARS = 200  # far longer than any supported key; refuses quadratic base58 work on junk


class MultikeyError(ValueError):
    """A publicKeyMultibase value is malformed or names a key type this verifier does not support."""


def public_key_from_multibase(value: object) -> PublicKey:
    """Return the public key of an Ed25519 (``z6Mk...``) or P-256 (``zDn...``) Multikey value."""
    if not isinstance(value, str) or len(value) > MAX_MULTIBASE_CHARS:
        raise MultikeyError("publicKeyMultibase must be base58btc text starting with 'z'.")
    try:
        raw = decode_base58btc(value)
    except MultibaseError as exc:
        raise MultikeyError(str(exc)) from None
    if raw.startswith(_ED25519_PUB) and len(raw) == 34:
        return ed25519.Ed25519PublicKey.from_public_bytes(raw[2:])
    if raw.startswith(_P256_PUB) and len(raw) == 35:
        try:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
        except ValueError:
            raise MultikeyError("The P-256 Multikey is not a valid compressed curve point.") from None
    raise MultikeyError("publicKeyMultibase is not an Ed25519 or P-256 Multikey public key.")

"""Ed25519 Multikey encoding: multibase base58btc of multicodec 0xed01 (public) / 0x8026 (secret) keys."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from .multibase import MultibaseError, decode_base58btc, encode_base58btc

ED25519_PUBLIC_HEADER = b"\xed\x01"
ED25519_SECRET_HEADER = b"\x80\x26"


class MultikeyError(ValueError):
    """A Multikey value is malformed or is not an Ed25519 key of the expected kind."""


def encode_public_key(public_key: Ed25519PublicKey) -> str:
    """publicKeyMultibase for an Ed25519 public key ('z6Mk...')."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return encode_base58btc(ED25519_PUBLIC_HEADER + raw)


def decode_public_key(value: str) -> Ed25519PublicKey:
    """Ed25519 public key from a publicKeyMultibase value."""
    try:
        data = decode_base58btc(value)
    except MultibaseError as error:
        raise MultikeyError(f"publicKeyMultibase is not valid multibase: {error}") from None
    if data[:2] != ED25519_PUBLIC_HEADER:
        raise MultikeyError("publicKeyMultibase does not carry the Ed25519 public key multicodec header 0xed01.")
    if len(data) != 34:
        raise MultikeyError("publicKeyMultibase must hold exactly 32 Ed25519 public key bytes.")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def encode_secret_key(private_key: Ed25519PrivateKey) -> str:
    """secretKeyMultibase for an Ed25519 private key (32-byte seed form)."""
    seed = private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return encode_base58btc(ED25519_SECRET_HEADER + seed)


def decode_secret_key(value: str) -> Ed25519PrivateKey:
    """Ed25519 private key from secretKeyMultibase (32-byte seed, or 64-byte seed||public form)."""
    try:
        data = decode_base58btc(value)
    except MultibaseError:
        raise MultikeyError("secretKeyMultibase is not valid multibase base58btc.") from None
    if data[:2] != ED25519_SECRET_HEADER:
        raise MultikeyError("secretKeyMultibase does not carry the Ed25519 secret key multicodec header 0x8026.")
    body = data[2:]
    if len(body) not in (32, 64):
        raise MultikeyError("secretKeyMultibase must hold a 32-byte seed or 64 bytes of seed and public key.")
    private_key = Ed25519PrivateKey.from_private_bytes(body[:32])
    if len(body) == 64 and private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw) != body[32:]:
        raise MultikeyError("secretKeyMultibase holds a public half that does not match its seed.")
    return private_key

"""Small secrets at rest (e.g. LMS tokens): AES-256-GCM under a key derived from the key-encryption key."""

from __future__ import annotations

import functools
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = b"\x01"
_INFO = b"mc-lms-bridge/secrets-at-rest/v1"
_NONCE_BYTES = 12
_TAG_BYTES = 16


class SecretDecryptionError(ValueError):
    """A sealed secret could not be opened (wrong key, wrong purpose or altered blob); never shows the secret."""


@functools.lru_cache(maxsize=4)
def _subkey(kek: bytes) -> bytes:
    if not isinstance(kek, bytes) or len(kek) != 32:
        raise ValueError("The key-encryption key must be 32 bytes.")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(kek)


def _aad(purpose: str) -> bytes:
    if not purpose:
        raise ValueError("A purpose (what the secret is for, and whose) is required.")
    return VERSION + purpose.encode("utf-8")


def seal_secret(secret: str, kek: bytes, *, purpose: str) -> bytes:
    """Encrypt secret; purpose is bound as associated data. Layout: 0x01 || 12-byte nonce || ciphertext+tag."""
    nonce = os.urandom(_NONCE_BYTES)
    return VERSION + nonce + AESGCM(_subkey(kek)).encrypt(nonce, secret.encode("utf-8"), _aad(purpose))


def open_secret(blob: bytes, kek: bytes, *, purpose: str) -> str:
    """Decrypt a blob made by seal_secret for the same purpose."""
    blob = bytes(blob)
    if len(blob) < 1 + _NONCE_BYTES + _TAG_BYTES or blob[:1] != VERSION:
        raise SecretDecryptionError("The sealed secret is not a version-1 sealed blob.")
    nonce, ciphertext = blob[1:1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES:]
    try:
        return AESGCM(_subkey(kek)).decrypt(nonce, ciphertext, _aad(purpose)).decode("utf-8")
    except InvalidTag:
        raise SecretDecryptionError(
            "The sealed secret could not be decrypted: wrong key-encryption key, wrong purpose or altered blob."
        ) from None

"""Random secrets for offers, tokens and nonces, and the hashes under which they are stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings


def new_secret() -> str:
    """A URL-safe random secret of 256 bits."""
    return secrets.token_urlsafe(32)


def new_pin(length: int) -> str:
    """A numeric transaction code of ``length`` digits."""
    return "".join(secrets.choice("0123456789") for _ in range(length))


def sha256_hex(value: str) -> str:
    """SHA-256 of a high-entropy secret (codes, tokens, nonces)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def keyed_hash(value: str, *, context: str) -> str:
    """HMAC-SHA256 under SECRET_KEY, for low-entropy values (PINs) that a plain hash would expose."""
    key = hashlib.sha256(f"mc-lms-bridge/oid4vci/{context}/{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two hex digests."""
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))

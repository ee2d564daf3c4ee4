"""c_nonce values: handed out by the nonce endpoint, each accepted once before it expires."""

from __future__ import annotations

from datetime import datetime, timedelta

from ..models.oid4vci import WalletNonce
from . import hashing
from .config import seconds


def issue_nonce(*, now: datetime) -> str:
    """A fresh c_nonce (stored hashed); old expired nonces are swept on the way."""
    WalletNonce.objects.filter(expires_at__lt=now - timedelta(hours=1)).delete()
    value = hashing.new_secret()
    WalletNonce.objects.create(value_hash=hashing.sha256_hex(value),
                               expires_at=now + timedelta(seconds=seconds("OID4VCI_NONCE_SECONDS")))
    return value


def consume_nonce(value: str, *, now: datetime) -> bool:
    """Spend a c_nonce atomically: True only for a known, unexpired, never used value."""
    if not isinstance(value, str) or len(value) > 200:
        return False
    return WalletNonce.objects.filter(value_hash=hashing.sha256_hex(value), used_at__isnull=True,
                                      expires_at__gt=now).update(used_at=now) == 1

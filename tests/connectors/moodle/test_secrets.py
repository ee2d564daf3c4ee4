"""Secrets at rest: sealed tokens open only with the same key and purpose; the token is never stored in clear."""

from __future__ import annotations

import os

import pytest

from mc_lms_bridge.crypto.secrets_at_rest import SecretDecryptionError, open_secret, seal_secret

KEK = os.urandom(32)


def test_round_trip_and_random_nonce():
    first, second = seal_secret("tok", KEK, purpose="a"), seal_secret("tok", KEK, purpose="a")
    assert first != second
    assert open_secret(first, KEK, purpose="a") == "tok"


@pytest.mark.parametrize("change", ["purpose", "key", "blob", "version"])
def test_any_mismatch_fails(change):
    blob = seal_secret("tok", KEK, purpose="a")
    kek, purpose = KEK, "a"
    if change == "purpose":
        purpose = "b"
    elif change == "key":
        kek = os.urandom(32)
    elif change == "blob":
        blob = blob[:-1] + bytes([blob[-1] ^ 1])
    else:
        blob = b"\x02" + blob[1:]
    with pytest.raises(SecretDecryptionError):
        open_secret(blob, kek, purpose=purpose)


def test_site_seals_token_and_secret(make_site):
    site = make_site("https://moodle.example.eu/", token="ws-secret-token", webhook_secret="hook-secret")
    from mc_lms_bridge.models.moodle import MoodleSite

    stored = MoodleSite.objects.get(pk=site.pk)
    assert stored.base_url == "https://moodle.example.eu"
    assert b"ws-secret-token" not in bytes(stored.encrypted_token)
    assert b"hook-secret" not in bytes(stored.encrypted_webhook_secret)
    assert stored.token() == "ws-secret-token"
    assert stored.webhook_secret() == b"hook-secret"
    assert "ws-secret-token" not in repr(stored) and "ws-secret-token" not in repr(stored.client())
    other = make_site("https://other.example.eu", token="x")
    other.encrypted_token = stored.encrypted_token  # a token copied to another row does not open there
    with pytest.raises(SecretDecryptionError):
        other.token()

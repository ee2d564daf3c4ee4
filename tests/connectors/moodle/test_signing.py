"""The webhook HMAC rules: valid deliveries pass; any change of body or timestamp fails; stale ones are refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mc_lms_bridge.connectors.moodle.signing import (
    BadSignature,
    MalformedHeader,
    MissingSignature,
    StaleTimestamp,
    sign,
    verify,
)

secrets = st.binary(min_size=1, max_size=64)
bodies = st.binary(max_size=512)
timestamps = st.integers(min_value=0, max_value=10**12 - 1)


@given(secret=secrets, body=bodies, ts=timestamps)
def test_valid_signature_passes(secret, body, ts):
    signature = sign(secret, str(ts), body)
    assert verify(secret, timestamp=str(ts), signature=signature, body=body, now=ts, max_age=300) == ts
    assert verify(secret, timestamp=str(ts), signature=signature.upper(), body=body, now=ts, max_age=300) == ts


@given(secret=secrets, body=bodies, other=bodies, ts=timestamps)
def test_any_body_change_fails(secret, body, other, ts):
    if other == body:
        other = body + b" "
    signature = sign(secret, str(ts), body)
    with pytest.raises(BadSignature):
        verify(secret, timestamp=str(ts), signature=signature, body=other, now=ts, max_age=300)


@given(secret=secrets, body=bodies, ts=timestamps, delta=st.integers(min_value=1, max_value=300))
def test_any_timestamp_change_fails_even_inside_the_window(secret, body, ts, delta):
    signature = sign(secret, str(ts), body)
    moved = ts + delta if ts + delta < 10**12 else ts - delta
    with pytest.raises(BadSignature):
        verify(secret, timestamp=str(moved), signature=signature, body=body, now=moved, max_age=300)


@given(secret=secrets, other_secret=secrets, body=bodies, ts=timestamps)
def test_other_secret_fails(secret, other_secret, body, ts):
    if other_secret == secret:
        other_secret = secret + b"x"
    with pytest.raises(BadSignature):
        verify(other_secret, timestamp=str(ts), signature=sign(secret, str(ts), body), body=body, now=ts,
               max_age=300)


@given(body=bodies, ts=timestamps, position=st.integers(min_value=0, max_value=63))
def test_any_signature_digit_change_fails(body, ts, position):
    signature = sign(b"k", str(ts), body)
    flipped = signature[:position] + ("0" if signature[position] != "0" else "1") + signature[position + 1:]
    with pytest.raises(BadSignature):
        verify(b"k", timestamp=str(ts), signature=flipped, body=body, now=ts, max_age=300)


def test_stale_and_future_timestamps():
    signature = sign(b"k", "1000", b"{}")
    assert verify(b"k", timestamp="1000", signature=signature, body=b"{}", now=1300, max_age=300) == 1000
    for now in (1301, 699):
        with pytest.raises(StaleTimestamp):
            verify(b"k", timestamp="1000", signature=signature, body=b"{}", now=now, max_age=300)


@pytest.mark.parametrize(("timestamp", "signature", "error"), [
    (None, "a" * 64, MissingSignature), ("1000", None, MissingSignature), ("1000", "", MissingSignature),
    ("-5", "a" * 64, MalformedHeader), ("1e3", "a" * 64, MalformedHeader), ("1000", "zz" * 32, MalformedHeader),
    ("1000", "a" * 63, MalformedHeader),
])
def test_header_errors(timestamp, signature, error):
    with pytest.raises(error):
        verify(b"k", timestamp=timestamp, signature=signature, body=b"{}", now=1000, max_age=300)

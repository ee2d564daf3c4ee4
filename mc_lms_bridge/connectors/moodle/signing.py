"""Pure HMAC rules of the Moodle webhook: hex HMAC-SHA256(secret, timestamp + "." + body), fresh timestamp."""

from __future__ import annotations

import hashlib
import hmac
import re

_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"[0-9a-fA-F]{64}")


class SignatureError(Exception):
    """A webhook delivery fails the signature rules; the message says which rule."""


class MissingSignature(SignatureError):
    """A signing header is absent."""


class MalformedHeader(SignatureError):
    """The timestamp is not unix seconds, or the signature is not 64 hex digits."""


class BadSignature(SignatureError):
    """The signature does not match the body and timestamp under the site's secret."""


class StaleTimestamp(SignatureError):
    """The signed timestamp is outside the accepted window around now."""


def signing_input(timestamp: str, body: bytes) -> bytes:
    """The signed bytes: the timestamp text, a dot, then the raw body."""
    return timestamp.encode("ascii") + b"." + body


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    """Lower-case hex HMAC-SHA256 of the signing input."""
    return hmac.new(secret, signing_input(timestamp, body), hashlib.sha256).hexdigest()


def parse_timestamp(value: str | None) -> int:
    """Unix seconds from the header; raises MissingSignature or MalformedHeader."""
    if value is None or value == "":
        raise MissingSignature("The X-MC-Bridge-Timestamp header is missing.")
    if not _TIMESTAMP.fullmatch(value):
        raise MalformedHeader("X-MC-Bridge-Timestamp must be unix seconds (digits only).")
    return int(value)


def verify(secret: bytes, *, timestamp: str | None, signature: str | None, body: bytes, now: float,
           max_age: int) -> int:
    """Check signature (constant time) then freshness; return the timestamp or raise a SignatureError."""
    seconds = parse_timestamp(timestamp)
    if signature is None or signature == "":
        raise MissingSignature("The X-MC-Bridge-Signature header is missing.")
    if not _SIGNATURE.fullmatch(signature):
        raise MalformedHeader("X-MC-Bridge-Signature must be 64 hexadecimal digits (HMAC-SHA256).")
    if not secret:
        raise BadSignature("No webhook secret is configured for this site.")
    expected = sign(secret, timestamp, body)
    if not hmac.compare_digest(expected.encode("ascii"), signature.lower().encode("ascii")):
        raise BadSignature("The signature does not match the body and timestamp.")
    if abs(now - seconds) > max_age:
        raise StaleTimestamp(f"The timestamp is more than {max_age} seconds away from the server's clock.")
    return seconds

"""did:jwk: a DID that is the base64url of a public JWK (its one verification method is ``#0``)."""

from __future__ import annotations

import base64
import binascii
import json

from ..crypto.keys import KeyMaterialError, PublicKey, public_key_from_jwk

PREFIX = "did:jwk:"
PUBLIC_MEMBERS = {"OKP": ("crv", "kty", "x"), "EC": ("crv", "kty", "x", "y")}
MAX_DID_CHARS = 1024


class DidJwkError(ValueError):
    """The value is not a did:jwk of a supported public key (Ed25519 or P-256)."""


def _public_members(jwk: dict) -> dict:
    members = PUBLIC_MEMBERS.get(jwk.get("kty")) if isinstance(jwk, dict) else None
    if members is None:
        raise DidJwkError("did:jwk is supported here for OKP (Ed25519) and EC (P-256) keys only.")
    return {name: jwk.get(name) for name in members}


def did_jwk_for(jwk: dict) -> str:
    """The did:jwk of a public JWK (only its key members, lexicographic order, compact JSON)."""
    members = _public_members(jwk)
    try:
        public_key_from_jwk(members)
    except KeyMaterialError as exc:
        raise DidJwkError(str(exc)) from None
    text = json.dumps(members, separators=(",", ":"), sort_keys=True)
    return PREFIX + base64.urlsafe_b64encode(text.encode("utf-8")).rstrip(b"=").decode("ascii")


def decode_did_jwk(did: str) -> tuple[dict, PublicKey]:
    """The JWK and public key of a bare did:jwk (no fragment)."""
    if not isinstance(did, str) or not did.startswith(PREFIX) or len(did) > MAX_DID_CHARS:
        raise DidJwkError("A did:jwk must be a string starting with 'did:jwk:'.")
    encoded = did[len(PREFIX):]
    if not encoded or "=" in encoded or any(c in encoded for c in "#?/:"):
        raise DidJwkError("A did:jwk must carry unpadded base64url text and nothing else.")
    try:
        jwk = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    except (binascii.Error, ValueError):
        raise DidJwkError("The did:jwk value is not base64url-encoded JSON.") from None
    if not isinstance(jwk, dict):
        raise DidJwkError("The did:jwk value does not encode a JSON object.")
    try:
        return jwk, public_key_from_jwk(_public_members(jwk) | {k: v for k, v in jwk.items() if k in ("d", "p", "q")})
    except KeyMaterialError as exc:
        raise DidJwkError(str(exc)) from None

"""The wallet's key and DID from a key proof header: ``jwk`` (bound as did:jwk) or a did:key / did:jwk ``kid``."""

from __future__ import annotations

from dataclasses import dataclass

from ..crypto.keys import KeyMaterialError, PublicKey, public_key_from_jwk
from ..verification.multikey_keys import MultikeyError, public_key_from_multibase
from .did_jwk import DidJwkError, decode_did_jwk, did_jwk_for

KEY_HEADERS = ("jwk", "kid", "x5c", "trust_chain", "key_attestation")
MAX_KID_CHARS = 1024


class HolderKeyError(ValueError):
    """The proof header does not name exactly one usable holder key."""


@dataclass(frozen=True)
class HolderKey:
    """The key the wallet proved possession of, and the DID the credential will name as its subject."""

    public_key: PublicKey
    did: str


def _from_jwk(jwk: object) -> HolderKey:
    if not isinstance(jwk, dict):
        raise HolderKeyError("The jwk header must be a JSON object.")
    try:
        return HolderKey(public_key_from_jwk(jwk), did_jwk_for(jwk))
    except (KeyMaterialError, DidJwkError) as exc:
        raise HolderKeyError(f"The jwk header is not a usable public key: {exc}") from None


def _from_did_key(did: str, fragment: str) -> HolderKey:
    multibase = did[len("did:key:"):]
    if fragment != multibase:
        raise HolderKeyError("A did:key kid must end with '#' followed by its own multibase value.")
    try:
        return HolderKey(public_key_from_multibase(multibase), did)
    except MultikeyError as exc:
        raise HolderKeyError(f"The did:key is not an Ed25519 or P-256 key: {exc}") from None


def _from_did_jwk(did: str, fragment: str) -> HolderKey:
    if fragment != "0":
        raise HolderKeyError("A did:jwk kid must name its only verification method, '#0'.")
    try:
        return HolderKey(decode_did_jwk(did)[1], did)
    except DidJwkError as exc:
        raise HolderKeyError(str(exc)) from None


def holder_key(header: dict) -> HolderKey:
    """Resolve the holder key of a proof JWT header; raises ``HolderKeyError``."""
    present = [name for name in KEY_HEADERS if name in header]
    if len(present) != 1 or present[0] not in ("jwk", "kid"):
        raise HolderKeyError("The proof header must carry exactly one of jwk or kid (x5c and others are unsupported).")
    if present[0] == "jwk":
        return _from_jwk(header["jwk"])
    kid = header["kid"]
    if not isinstance(kid, str) or len(kid) > MAX_KID_CHARS:
        raise HolderKeyError("The kid header must be a DID URL string.")
    did, _, fragment = kid.partition("#")
    if did.startswith("did:key:"):
        return _from_did_key(did, fragment)
    if did.startswith("did:jwk:"):
        return _from_did_jwk(did, fragment)
    raise HolderKeyError("The kid header must be a did:key or did:jwk DID URL.")

"""Check an ``openid4vci-proof+jwt`` key proof (OpenID4VCI 1.0 appendix F.1); every failure is ``invalid_proof``."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import datetime

from ..crypto.keys import UnsupportedKeyAlgorithmError, algorithm_for_key, verify_signature
from .config import PROOF_ALGORITHMS, PROOF_TYP, seconds
from .errors import OAuthError
from .holder_keys import HolderKey, HolderKeyError, holder_key

MAX_PROOF_CHARS = 8192
_SEGMENT = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class KeyProof:
    """A verified key proof: the holder's key and DID, and the c_nonce it carries (checked by the caller)."""

    holder: HolderKey
    nonce: str


def invalid_proof(description: str) -> OAuthError:
    """The credential endpoint's error for a missing or unacceptable key proof."""
    return OAuthError("invalid_proof", description)


def _segment(text: str, what: str) -> bytes:
    if not _SEGMENT.fullmatch(text):
        raise invalid_proof(f"The proof JWT {what} is not unpadded base64url.")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise invalid_proof(f"The proof JWT {what} is not base64url.") from None


def _json_object(data: bytes, what: str) -> dict:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise invalid_proof(f"The proof JWT {what} is not JSON.") from None
    if not isinstance(value, dict):
        raise invalid_proof(f"The proof JWT {what} is not a JSON object.")
    return value


def _check_header(header: dict) -> HolderKey:
    if header.get("typ") != PROOF_TYP:
        raise invalid_proof(f"The proof JWT typ must be {PROOF_TYP!r}.")
    if header.get("alg") not in PROOF_ALGORITHMS:
        raise invalid_proof(f"The proof JWT alg must be one of {', '.join(PROOF_ALGORITHMS)}.")
    if "crit" in header:
        raise invalid_proof("The proof JWT has critical header parameters this issuer does not understand.")
    try:
        holder = holder_key(header)
        key_alg = algorithm_for_key(holder.public_key)
    except (HolderKeyError, UnsupportedKeyAlgorithmError) as exc:
        raise invalid_proof(str(exc)) from None
    if key_alg != header["alg"]:
        raise invalid_proof(f"The proof JWT alg {header['alg']} does not fit its {key_alg} key.")
    return holder


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_claims(payload: dict, *, audience: str, now: datetime) -> str:
    aud = payload.get("aud")
    if aud != audience and aud != [audience]:
        raise invalid_proof("The proof JWT aud must be the Credential Issuer Identifier.")
    iat, current, skew = payload.get("iat"), now.timestamp(), seconds("OID4VCI_CLOCK_SKEW_SECONDS")
    if not _is_number(iat):
        raise invalid_proof("The proof JWT must carry iat as a NumericDate.")
    if iat > current + skew:
        raise invalid_proof("The proof JWT iat is in the future.")
    if iat < current - seconds("OID4VCI_PROOF_MAX_AGE_SECONDS") - skew:
        raise invalid_proof("The proof JWT is stale: its iat is too old.")
    if "exp" in payload and (not _is_number(payload["exp"]) or payload["exp"] <= current - skew):
        raise invalid_proof("The proof JWT has expired.")
    nonce = payload.get("nonce")
    if not isinstance(nonce, str) or not nonce:
        raise invalid_proof("The proof JWT must carry the c_nonce from the nonce endpoint.")
    return nonce


def verify_key_proof(token: object, *, audience: str, now: datetime) -> KeyProof:
    """Verify typ, alg, holder key, signature, aud and iat of a proof JWT; raises ``OAuthError``."""
    if not isinstance(token, str) or len(token) > MAX_PROOF_CHARS or token.count(".") != 2:
        raise invalid_proof("A jwt proof must be a compact JWS of three dot-separated parts.")
    head, body, signature = token.split(".")
    header = _json_object(_segment(head, "header"), "header")
    holder = _check_header(header)
    payload = _json_object(_segment(body, "payload"), "payload")
    if not verify_signature(holder.public_key, _segment(signature, "signature"), f"{head}.{body}".encode("ascii"),
                            header["alg"]):
        raise invalid_proof("The proof JWT signature does not verify with the holder key.")
    return KeyProof(holder, _check_claims(payload, audience=audience, now=now))

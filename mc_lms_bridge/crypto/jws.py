"""VC-JWT for Open Badges 3.0 (section 8.2 "JSON Web Token Proof Format"): encode and check Compact JWS.

Encoding follows the OB 3.0 final text: the JWT Payload is the credential object itself with the
claims ``iss`` (issuer id), ``jti`` (credential id), ``nbf`` (validFrom), ``sub``
(credentialSubject.id) and ``exp`` (validUntil, when present) added. The JOSE header holds only
``alg``, ``typ`` ("JWT") and either ``kid`` or ``jwk``. When decoding, payloads in the VCDM 1.1
style (credential in a ``vc`` claim, issuanceDate/expirationDate) are accepted as the spec notes.
Decoding never raises on a bad token: every check is reported with its reason.
"""

import base64
import binascii
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from mc_lms_bridge.crypto.keys import (
    ALGORITHMS,
    KeyMaterialError,
    PrivateKey,
    PublicKey,
    algorithm_for_key,
    public_jwk,
    public_key_from_jwk,
    sign,
    verify_signature,
)

ALLOWED_HEADER_MEMBERS = frozenset({"alg", "kid", "jwk", "typ"})
REGISTERED_CLAIMS = ("iss", "sub", "aud", "exp", "nbf", "iat", "jti")
CHECK_NAMES = ("format", "alg", "header", "typ", "key", "signature", "claims", "nbf", "exp")
_BASE64URL_NO_PAD = re.compile(r"[A-Za-z0-9_-]*")


class VcJwtEncodingError(ValueError):
    """The credential or the signing arguments cannot produce a VC-JWT."""


class KeyResolutionError(Exception):
    """Raised by a ``resolve_public_key`` callback that cannot produce a key; reported, not propagated."""


@dataclass(frozen=True)
class CheckOutcome:
    """One verification step: its name, whether it passed, and a one-sentence reason."""

    name: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class JwtVerification:
    """Result of ``decode_vc_jwt``: decoded parts (when parseable) and every check's outcome."""

    header: dict | None
    payload: dict | None
    credential: dict | None
    checks: tuple[CheckOutcome, ...]

    @property
    def ok(self) -> bool:
        """True when every check ran and passed."""
        names = tuple(check.name for check in self.checks)
        return names == CHECK_NAMES and all(check.passed for check in self.checks)

    @property
    def failed(self) -> tuple[CheckOutcome, ...]:
        """The checks that did not pass (including those skipped)."""
        return tuple(check for check in self.checks if not check.passed)

    def check(self, name: str) -> CheckOutcome:
        """Return the outcome of the named check."""
        return next(check for check in self.checks if check.name == name)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _json_bytes(value: dict) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _numeric_date(value: object) -> int | None:
    """Seconds since the epoch of an XSD dateTimeStamp string; None if absent or not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    try:
        return int(moment.timestamp() // 1)
    except (OverflowError, ValueError):
        return None


def _issuer_id(credential: dict) -> object:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _subject_id(credential: dict) -> object:
    subject = credential.get("credentialSubject")
    return subject.get("id") if isinstance(subject, dict) else None


def _expected_claims(credential: dict) -> dict:
    """The JWT claims the credential implies (VC 2.0 names, falling back to VCDM 1.1 names)."""
    valid_from = credential.get("validFrom", credential.get("issuanceDate"))
    valid_until = credential.get("validUntil", credential.get("expirationDate"))
    claims = {"iss": _issuer_id(credential), "jti": credential.get("id"), "nbf": _numeric_date(valid_from)}
    if _subject_id(credential) is not None:
        claims["sub"] = _subject_id(credential)
    if valid_until is not None:
        claims["exp"] = _numeric_date(valid_until)
    return claims


def _header_jwk(private_key: PrivateKey | None, jwk: dict | None) -> dict:
    if jwk is None:
        if private_key is None:
            raise VcJwtEncodingError("Without kid, a public jwk is needed when signing through signer.")
        return public_jwk(private_key)
    if not isinstance(jwk, dict) or "d" in jwk:
        raise VcJwtEncodingError("The header jwk must be a public JWK object (without 'd').")
    if private_key is not None and public_jwk(private_key) != {k: v for k, v in jwk.items() if k != "kid"}:
        raise VcJwtEncodingError("The header jwk is not the public half of the signing key.")
    return jwk


def encode_vc_jwt(
    credential: dict,
    *,
    alg: str,
    private_key: PrivateKey | None = None,
    kid: str | None = None,
    signer: Callable[[bytes], bytes] | None = None,
    jwk: dict | None = None,
) -> str:
    """Sign ``credential`` as an OB 3.0 VC-JWT (Compact JWS) with RS256, ES256 or EdDSA.

    Give either ``private_key`` or ``signer`` (e.g. ``lambda data: backend.sign(ref, data)``).
    The header names the key by ``kid`` (a dereferenceable URI) or, without ``kid``, embeds the
    public ``jwk`` (derived from ``private_key`` when not given).
    """
    if not isinstance(credential, dict):
        raise VcJwtEncodingError("The credential must be a JSON object.")
    if alg not in ALGORITHMS:
        raise VcJwtEncodingError(f"Unsupported VC-JWT algorithm {alg!r}; use one of {ALGORITHMS}.")
    if (private_key is None) == (signer is None):
        raise VcJwtEncodingError("Give exactly one of private_key or signer.")
    if private_key is not None and algorithm_for_key(private_key) != alg:
        raise VcJwtEncodingError(f"The private key cannot sign with {alg}.")
    clashing = sorted(name for name in REGISTERED_CLAIMS if name in credential)
    if clashing:
        raise VcJwtEncodingError(f"The credential already has JWT claim names {clashing}.")
    claims = _expected_claims(credential)
    for name, requirement in (
        ("iss", "an issuer id"), ("jti", "an id"), ("nbf", "a validFrom date-time with a time zone")
    ):
        if claims[name] in (None, ""):
            raise VcJwtEncodingError(f"The credential needs {requirement} to set the {name} claim.")
    if "exp" in claims and claims["exp"] is None:
        raise VcJwtEncodingError("The credential's validUntil is not a date-time with a time zone.")
    header: dict = {"alg": alg, "typ": "JWT"}
    if kid is not None:
        header["kid"] = kid
    else:
        header["jwk"] = _header_jwk(private_key, jwk)
    payload = {**credential, **claims}
    signing_input = f"{_b64url(_json_bytes(header))}.{_b64url(_json_bytes(payload))}".encode("ascii")
    signature = sign(private_key, signing_input, alg) if private_key is not None else signer(signing_input)
    return f"{signing_input.decode('ascii')}.{_b64url(signature)}"


def _no_duplicates(pairs: list) -> dict:
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate member {key!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _decode_segment(segment: str, what: str, as_json: bool) -> dict | bytes:
    if not _BASE64URL_NO_PAD.fullmatch(segment) or len(segment) % 4 == 1:
        raise ValueError(f"the {what} is not unpadded base64url")
    raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    if not as_json:
        return raw
    value = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    if not isinstance(value, dict):
        raise ValueError(f"the {what} is not a JSON object")
    return value


def _skipped(names: tuple[str, ...], why: str) -> list[CheckOutcome]:
    return [CheckOutcome(name, False, f"Skipped: {why}") for name in names]


def _header_checks(header: dict) -> list[CheckOutcome]:
    alg = header.get("alg")
    if alg in ALGORITHMS:
        alg_check = CheckOutcome("alg", True, f"Algorithm {alg} is allowed.")
    else:
        alg_check = CheckOutcome("alg", False, f"Algorithm {alg!r} is not allowed; use one of {ALGORITHMS}.")
    extra = sorted(set(header) - ALLOWED_HEADER_MEMBERS)
    if extra:
        header_check = CheckOutcome("header", False, f"Header members {extra} are not allowed by OB 3.0.")
    elif "kid" not in header and "jwk" not in header:
        header_check = CheckOutcome("header", False, "The header has neither kid nor jwk naming the key.")
    elif isinstance(header.get("jwk"), dict) and "d" in header["jwk"]:
        header_check = CheckOutcome("header", False, "The header jwk contains a private key member 'd'.")
    else:
        header_check = CheckOutcome("header", True, "The header members are those OB 3.0 allows.")
    typ = header.get("typ", "JWT")
    typ_reason = "typ is JWT or absent." if typ == "JWT" else f"typ {typ!r} is not JWT."
    typ_check = CheckOutcome("typ", typ == "JWT", typ_reason)
    return [alg_check, header_check, typ_check]


def _resolve_key(resolve_public_key, header: dict, payload: dict) -> tuple[PublicKey | None, CheckOutcome]:
    try:
        resolved = resolve_public_key(header, payload)
        if isinstance(resolved, dict):
            resolved = public_key_from_jwk(resolved)
    except (KeyResolutionError, KeyMaterialError) as exc:
        return None, CheckOutcome("key", False, f"The public key could not be resolved: {exc}")
    if resolved is None:
        return None, CheckOutcome("key", False, "No trusted public key is known for this token.")
    if hasattr(resolved, "public_key"):  # a private key was handed in: use only its public half
        resolved = resolved.public_key()
    try:
        algorithm = algorithm_for_key(resolved)
    except KeyMaterialError as exc:
        return None, CheckOutcome("key", False, f"The resolved key is not usable: {exc}")
    return resolved, CheckOutcome("key", True, f"Resolved a {algorithm} public key.")


def _signature_check(key: PublicKey, signature: bytes, signing_input: bytes, alg: str) -> CheckOutcome:
    key_algorithm = algorithm_for_key(key)
    if key_algorithm != alg:
        return CheckOutcome("signature", False, f"A {key_algorithm} key cannot check an {alg} signature.")
    if verify_signature(key, signature, signing_input, alg):
        return CheckOutcome("signature", True, "The signature verifies.")
    return CheckOutcome("signature", False, f"The {alg} signature does not verify.")


def _claims_check(payload: dict, credential: dict) -> CheckOutcome:
    expected = _expected_claims(credential)
    problems = []
    for name in ("iss", "jti", "nbf"):
        if name not in payload:
            problems.append(f"claim {name} is missing")
        elif expected[name] is None or payload[name] != expected[name]:
            problems.append(f"claim {name} does not match the credential")
    if "sub" in expected or "sub" in payload:
        if payload.get("sub") != expected.get("sub"):
            problems.append("claim sub does not match credentialSubject.id")
    if "exp" in expected or "exp" in payload:
        if payload.get("exp") != expected.get("exp"):
            problems.append("claim exp does not match the credential's validUntil")
    if problems:
        return CheckOutcome("claims", False, f"Claims disagree with the credential: {'; '.join(problems)}.")
    return CheckOutcome("claims", True, "iss, jti, nbf, sub and exp agree with the credential.")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _time_checks(payload: dict, now: datetime, leeway_seconds: int) -> list[CheckOutcome]:
    current = now.timestamp()
    nbf, exp = payload.get("nbf"), payload.get("exp")
    if not _is_number(nbf):
        nbf_check = CheckOutcome("nbf", False, "The nbf claim is missing or not a NumericDate.")
    elif current + leeway_seconds < nbf:
        nbf_check = CheckOutcome("nbf", False, "The credential is not yet valid (nbf is in the future).")
    else:
        nbf_check = CheckOutcome("nbf", True, "The credential's validity has started.")
    if exp is None:
        exp_check = CheckOutcome("exp", True, "The token has no exp claim.")
    elif not _is_number(exp):
        exp_check = CheckOutcome("exp", False, "The exp claim is not a NumericDate.")
    elif current - leeway_seconds >= exp:
        exp_check = CheckOutcome("exp", False, "The credential has expired (exp is in the past).")
    else:
        exp_check = CheckOutcome("exp", True, "The credential has not expired.")
    return [nbf_check, exp_check]


def _credential_of(payload: dict) -> dict:
    if isinstance(payload.get("vc"), dict):
        return payload["vc"]
    return {name: value for name, value in payload.items() if name not in REGISTERED_CLAIMS}


def decode_vc_jwt(
    token: str,
    *,
    resolve_public_key: Callable[[dict, dict], PublicKey | dict | None],
    now: datetime,
    leeway_seconds: int = 60,
) -> JwtVerification:
    """Check a VC-JWT; ``resolve_public_key(header, payload)`` returns the trusted key, a JWK, or None.

    The resolver decides trust: it dereferences ``kid`` or accepts the header ``jwk`` only when that
    key belongs to the issuer in ``payload``. ``now`` must be timezone-aware.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    parts = token.split(".") if isinstance(token, str) else []
    if len(parts) != 3:
        checks = [CheckOutcome("format", False, "A Compact JWS has exactly three dot-separated parts.")]
        return JwtVerification(None, None, None, tuple(checks + _skipped(CHECK_NAMES[1:], "bad format.")))
    try:
        header = _decode_segment(parts[0], "header", as_json=True)
        payload = _decode_segment(parts[1], "payload", as_json=True)
        signature = _decode_segment(parts[2], "signature", as_json=False)
    except (ValueError, binascii.Error, RecursionError) as exc:
        checks = [CheckOutcome("format", False, f"The token cannot be parsed: {exc}.")]
        return JwtVerification(None, None, None, tuple(checks + _skipped(CHECK_NAMES[1:], "bad format.")))
    credential = _credential_of(payload)
    checks = [CheckOutcome("format", True, "Three base64url parts with JSON header and payload.")]
    checks += _header_checks(header)
    if not checks[1].passed:
        checks += _skipped(("key", "signature"), "the algorithm is not allowed.")
    else:
        key, key_check = _resolve_key(resolve_public_key, header, payload)
        checks.append(key_check)
        if key is None:
            checks += _skipped(("signature",), "no public key.")
        else:
            signing_input = f"{parts[0]}.{parts[1]}".encode("ascii")
            checks.append(_signature_check(key, signature, signing_input, header["alg"]))
    checks.append(_claims_check(payload, credential))
    checks += _time_checks(payload, now, leeway_seconds)
    return JwtVerification(header, payload, credential, tuple(checks))

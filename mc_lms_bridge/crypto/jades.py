"""JAdES e-seal (ETSI TS 119 182-1, B-B / B-T) for EDC credentials: JWS JSON serialization with b64=false."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding

from .seal_material import SealMaterial, certificate_path_problem, validity_problem
from .tsa import TimestampError, parse_timestamp_token, verify_timestamp_signature

# alg -> (key class, curve name or None, hash); RS256 is what the EU EDC issuer uses.
ALGORITHMS = {
    "RS256": (rsa.RSAPublicKey, None, hashes.SHA256),
    "PS256": (rsa.RSAPublicKey, None, hashes.SHA256),
    "ES256": (ec.EllipticCurvePublicKey, "secp256r1", hashes.SHA256),
    "ES384": (ec.EllipticCurvePublicKey, "secp384r1", hashes.SHA384),
}
# RFC 7797 puts b64 in crit; TS 119 182-1 puts its own protected parameters (here sigT) there too.
UNDERSTOOD_CRITICAL = frozenset({"b64", "sigT"})
SIG_T_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
SIG_T_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
CLOCK_SKEW = timedelta(minutes=5)
CHECK_NAMES = ("structure", "header", "certificate_digest", "signature", "chain", "signing_time", "timestamp")


class JadesError(ValueError):
    """A seal cannot be produced or read."""


class JadesPayloadError(JadesError):
    """The payload cannot be carried unencoded in a JWS JSON serialization."""


class JadesFormatError(JadesError):
    """The sealed document is not a JWS JSON serialization with one signature."""


@dataclass(frozen=True)
class SealCheck:
    """One verification step: its name, whether it passed, and why."""

    name: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class SealVerification:
    """Outcome of verify_jades: every check with its reason; `valid` only when all passed."""

    checks: tuple[SealCheck, ...]
    level: str | None = None
    signer: x509.Certificate | None = None
    signing_time: datetime | None = None
    timestamp_time: datetime | None = None

    @property
    def valid(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def failed(self) -> tuple[SealCheck, ...]:
        return tuple(check for check in self.checks if not check.passed)

    def check(self, name: str) -> SealCheck:
        """Return the check called `name` (one of CHECK_NAMES)."""
        return next(check for check in self.checks if check.name == name)


def default_algorithm(material: SealMaterial) -> str:
    """RS256 for RSA keys (as the EU issuer does), ES256/ES384 for EC P-256/P-384 keys."""
    public_key = material.certificate.public_key()
    if isinstance(public_key, rsa.RSAPublicKey):
        return "RS256"
    return "ES256" if public_key.curve.name == "secp256r1" else "ES384"


def seal_jades(
    payload: bytes,
    material: SealMaterial,
    *,
    signing_time: datetime,
    timestamp_client=None,
    algorithm: str | None = None,
) -> dict:
    """Seal `payload` as JAdES B-B (or B-T with a timestamp client) in general JWS JSON serialization."""
    if not isinstance(payload, bytes):
        raise JadesPayloadError("The payload must be bytes.")
    try:
        payload_text = payload.decode("utf-8")
    except UnicodeDecodeError:
        raise JadesPayloadError("The payload must be UTF-8 text: the seal carries it unencoded.") from None
    if signing_time.tzinfo is None:
        raise JadesError("signing_time must be a timezone-aware datetime.")
    if validity_problem(material.certificate, signing_time.replace(microsecond=0)):
        raise JadesError("signing_time is outside the seal certificate's validity period.")
    alg = algorithm or default_algorithm(material)
    if _algorithm_problem(alg, material.certificate.public_key()):
        raise JadesError(_algorithm_problem(alg, material.certificate.public_key()))
    header = {
        "alg": alg,
        "cty": "json",
        "kid": base64.b64encode(issuer_serial_der(material.certificate)).decode("ascii"),
        "x5t#S256": b64url_encode(hashlib.sha256(material.certificate.public_bytes(Encoding.DER)).digest()),
        "x5c": [base64.b64encode(c.public_bytes(Encoding.DER)).decode("ascii") for c in material.chain],
        "typ": "jose+json",
        "b64": False,
        "sigT": signing_time.astimezone(UTC).strftime(SIG_T_FORMAT),
        "crit": ["b64", "sigT"],
    }
    protected = b64url_encode(json.dumps(header, separators=(",", ":")).encode("utf-8"))
    signature = b64url_encode(_sign(material.private_key, alg, protected.encode("ascii") + b"." + payload))
    entry: dict = {"protected": protected, "signature": signature}
    if timestamp_client is not None:
        token = timestamp_client.timestamp(signature.encode("ascii"))
        sig_tst = {"sigTst": {"tstTokens": [{"val": base64.b64encode(token.der).decode("ascii")}]}}
        entry = {"protected": protected, "header": {"etsiU": [_encode_etsi_u(sig_tst)]}, **entry}
    return {"payload": payload_text, "signatures": [entry]}


def extract_payload(sealed: dict | str | bytes) -> bytes:
    """Return the payload bytes of a sealed document without verifying anything."""
    return _parse(sealed)[0]


def verify_jades(
    sealed: dict | str | bytes,
    *,
    trust_anchors: Sequence[x509.Certificate],
    now: datetime,
    tsa_trust_anchors: Sequence[x509.Certificate] | None = None,
    require_timestamp: bool = False,
) -> SealVerification:
    """Verify a JAdES seal; never raises on a bad seal, every check reports pass/fail with a reason."""
    if now.tzinfo is None:
        raise ValueError("now must be a timezone-aware datetime.")
    checks: list[SealCheck] = []
    try:
        payload, protected_b64, header, unprotected, signature_b64, signature = _parse(sealed)
    except JadesFormatError as error:
        return SealVerification(_remaining(checks, "structure", str(error)))
    checks.append(SealCheck("structure", True, "General or flattened JWS JSON serialization, one signature."))
    problem = _header_problem(header, unprotected)
    checks.append(SealCheck("header", problem is None, problem or "Header follows RFC 7797 and JAdES rules."))
    chain, problem = _decode_x5c(header)
    if problem:
        return SealVerification(_remaining(checks, "certificate_digest", problem))
    leaf = chain[0]
    checks.append(_certificate_digest_check(header, leaf))
    checks.append(_signature_check(header, leaf, protected_b64 + b"." + payload, signature))
    signing_time = _parse_sig_t(header.get("sigT"))
    timestamp_check, timestamp_time = _timestamp_check(
        unprotected, signature_b64, tsa_trust_anchors, require_timestamp
    )
    at = timestamp_time or signing_time
    checks.append(_chain_check(chain, trust_anchors, at))
    checks.append(_signing_time_check(signing_time, leaf, now, timestamp_time))
    checks.append(timestamp_check)
    level = "B-T" if timestamp_time else "B-B"
    return SealVerification(tuple(checks), level, leaf, signing_time, timestamp_time)


def issuer_serial_der(certificate: x509.Certificate) -> bytes:
    """DER IssuerSerial (RFC 5035) of a certificate: the JAdES `kid` value before base64."""
    issuer = asn1_x509.Name.load(certificate.issuer.public_bytes())
    return tsp.IssuerSerial(
        {"issuer": [asn1_x509.GeneralName(name="directory_name", value=issuer)],
         "serial_number": certificate.serial_number}
    ).dump()


def b64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 section 2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict base64url without padding; raises ValueError on anything else."""
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _parse(sealed) -> tuple[bytes, bytes, dict, dict, str, bytes]:
    if isinstance(sealed, bytes | str):
        try:
            sealed = json.loads(sealed)
        except ValueError:
            raise JadesFormatError("The sealed document is not JSON.") from None
    if not isinstance(sealed, dict) or not isinstance(sealed.get("payload"), str):
        raise JadesFormatError("The sealed document has no unencoded string payload.")
    if "signatures" in sealed:
        signatures = sealed["signatures"]
        if not isinstance(signatures, list) or len(signatures) != 1 or not isinstance(signatures[0], dict):
            raise JadesFormatError("The sealed document must carry exactly one signature.")
        entry = signatures[0]
    else:
        entry = sealed
    protected_b64, signature_b64 = entry.get("protected"), entry.get("signature")
    unprotected = entry.get("header", {})
    try:
        header = json.loads(b64url_decode(protected_b64))
        signature = b64url_decode(signature_b64)
        payload = sealed["payload"].encode("utf-8")
    except (ValueError, UnicodeError):
        raise JadesFormatError("The protected header, signature or payload is badly encoded.") from None
    if not isinstance(header, dict) or not isinstance(unprotected, dict):
        raise JadesFormatError("The protected and unprotected headers must be JSON objects.")
    return payload, protected_b64.encode("ascii"), header, unprotected, signature_b64, signature


def _header_problem(header: dict, unprotected: dict) -> str | None:
    overlap = set(header) & set(unprotected)
    crit = header.get("crit")
    if overlap:
        return f"Header parameters appear both protected and unprotected: {', '.join(sorted(overlap))}."
    if not isinstance(header.get("alg"), str) or header["alg"] not in ALGORITHMS:
        return f"alg {header.get('alg')!r} is not allowed; allowed: {', '.join(ALGORITHMS)}."
    if header.get("b64") is not False:
        return "The protected header must set b64 to false (unencoded payload, RFC 7797)."
    if not isinstance(crit, list) or not crit or not all(isinstance(name, str) for name in crit):
        return "crit must be a non-empty list of distinct header names."
    if len(set(crit)) != len(crit):
        return "crit must be a non-empty list of distinct header names."
    if not set(crit) <= UNDERSTOOD_CRITICAL or not set(crit) <= set(header):
        return f"crit lists {crit}; only b64 and sigT are understood and each must be present."
    if "b64" not in crit or "sigT" not in crit:
        return "crit must list b64 (RFC 7797) and sigT (JAdES)."
    if not isinstance(header.get("sigT"), str) or not SIG_T_PATTERN.match(header["sigT"]):
        return "sigT must be a UTC time formatted as YYYY-MM-DDThh:mm:ssZ."
    if not isinstance(header.get("x5t#S256"), str):
        return "x5t#S256 must reference the signing certificate."
    if "etsiU" in unprotected and not isinstance(unprotected["etsiU"], list):
        return "etsiU must be a list."
    return None


def _decode_x5c(header: dict) -> tuple[list[x509.Certificate], str | None]:
    x5c = header.get("x5c")
    if not isinstance(x5c, list) or not x5c:
        return [], "x5c must list the signing certificate chain."
    try:
        return [x509.load_der_x509_certificate(base64.b64decode(c, validate=True)) for c in x5c], None
    except (ValueError, TypeError, binascii.Error):
        return [], "x5c holds something that is not a base64 DER certificate."


def _certificate_digest_check(header: dict, leaf: x509.Certificate) -> SealCheck:
    expected = b64url_encode(hashlib.sha256(leaf.public_bytes(Encoding.DER)).digest())
    if header.get("x5t#S256") != expected:
        return SealCheck("certificate_digest", False, "x5t#S256 does not match the first x5c certificate.")
    if "kid" in header and header["kid"] != base64.b64encode(issuer_serial_der(leaf)).decode("ascii"):
        return SealCheck("certificate_digest", False, "kid does not match the first x5c certificate.")
    return SealCheck("certificate_digest", True, "x5t#S256 matches the first x5c certificate.")


def _signature_check(header: dict, leaf: x509.Certificate, signing_input: bytes, signature: bytes):
    alg = header.get("alg")
    problem = _algorithm_problem(alg, leaf.public_key())
    if problem:
        return SealCheck("signature", False, problem)
    try:
        _verify(leaf.public_key(), alg, signing_input, signature)
    except InvalidSignature:
        return SealCheck("signature", False, "The signature does not match the protected header and payload.")
    return SealCheck("signature", True, f"{alg} signature over the protected header and exact payload bytes.")


def _chain_check(chain: list[x509.Certificate], anchors: Sequence[x509.Certificate], at) -> SealCheck:
    if at is None:
        return SealCheck("chain", False, "No usable signing time to check the chain at.")
    problem = certificate_path_problem(chain, anchors, at)
    return SealCheck("chain", problem is None, problem or f"Chains to a configured trust anchor at {at}.")


def _signing_time_check(signing_time, leaf: x509.Certificate, now: datetime, timestamp_time) -> SealCheck:
    if signing_time is None:
        return SealCheck("signing_time", False, "sigT is missing or malformed.")
    if signing_time > now + CLOCK_SKEW:
        return SealCheck("signing_time", False, f"sigT {signing_time} is in the future.")
    if timestamp_time is not None and signing_time > timestamp_time + CLOCK_SKEW:
        return SealCheck("signing_time", False, f"sigT {signing_time} is after the time-stamp.")
    problem = validity_problem(leaf, signing_time)
    if problem:
        return SealCheck("signing_time", False, f"sigT is outside the seal certificate validity: {problem}")
    return SealCheck("signing_time", True, f"sigT {signing_time} lies within the seal certificate validity.")


def _timestamp_check(unprotected: dict, signature_b64: str, tsa_anchors, required: bool):
    items = unprotected.get("etsiU", [])
    tokens = [token for item in (items if isinstance(items, list) else []) for token in _sig_tst_tokens(item)]
    if not tokens:
        passed = not required
        return SealCheck("timestamp", passed, "No signature time-stamp (JAdES B-B)."), None
    try:
        token = parse_timestamp_token(base64.b64decode(tokens[0], validate=True))
        if not token.imprint_matches(signature_b64.encode("ascii")):
            return SealCheck("timestamp", False, "The time-stamp does not cover this signature value."), None
        tsa = verify_timestamp_signature(token)
    except (TimestampError, ValueError, binascii.Error) as error:
        return SealCheck("timestamp", False, f"The signature time-stamp is unusable: {error}"), None
    if tsa_anchors is not None:
        chain = _chain_check([tsa, *token.certificates], tsa_anchors, token.gen_time)
        if not chain.passed:
            return SealCheck("timestamp", False, f"TSA not trusted: {chain.reason}"), None
    trusted = "trusted TSA" if tsa_anchors is not None else "TSA trust not checked (no TSA anchors given)"
    return SealCheck("timestamp", True, f"Time-stamp at {token.gen_time}, {trusted}."), token.gen_time


def _sig_tst_tokens(item) -> list[str]:
    try:
        value = json.loads(b64url_decode(item)) if isinstance(item, str) else item
        return [entry["val"] for entry in value["sigTst"]["tstTokens"]]
    except (ValueError, KeyError, TypeError):
        return []


def _encode_etsi_u(component: dict) -> str:
    """The EU issuer (DSS) writes each etsiU component as base64url-encoded JSON."""
    return b64url_encode(json.dumps(component, separators=(",", ":")).encode("utf-8"))


def _remaining(checks: list[SealCheck], first_failed: str, reason: str) -> tuple[SealCheck, ...]:
    done = {check.name for check in checks}
    rest = [name for name in CHECK_NAMES if name not in done]
    failed = [SealCheck(first_failed, False, reason)]
    failed += [SealCheck(name, False, "Not evaluated.") for name in rest if name != first_failed]
    return tuple(checks + failed)


def _algorithm_problem(alg, public_key) -> str | None:
    if not isinstance(alg, str) or alg not in ALGORITHMS:
        return f"alg {alg!r} is not allowed."
    key_class, curve, _ = ALGORITHMS[alg]
    if not isinstance(public_key, key_class) or (curve and public_key.curve.name != curve):
        return f"alg {alg} does not fit the certificate's key."
    return None


def _sign(private_key, alg: str, data: bytes) -> bytes:
    digest = ALGORITHMS[alg][2]()
    if alg == "RS256":
        return private_key.sign(data, padding.PKCS1v15(), digest)
    if alg == "PS256":
        return private_key.sign(data, padding.PSS(padding.MGF1(digest), digest.digest_size), digest)
    r, s = decode_dss_signature(private_key.sign(data, ec.ECDSA(digest)))
    size = (private_key.curve.key_size + 7) // 8
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def _verify(public_key, alg: str, data: bytes, signature: bytes) -> None:
    digest = ALGORITHMS[alg][2]()
    if alg == "RS256":
        public_key.verify(signature, data, padding.PKCS1v15(), digest)
    elif alg == "PS256":
        public_key.verify(signature, data, padding.PSS(padding.MGF1(digest), digest.digest_size), digest)
    else:
        size = (public_key.curve.key_size + 7) // 8
        if len(signature) != 2 * size:
            raise InvalidSignature()
        r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
        public_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(digest))


def _parse_sig_t(value) -> datetime | None:
    if not isinstance(value, str) or not SIG_T_PATTERN.match(value):
        return None
    try:
        return datetime.strptime(value, SIG_T_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None

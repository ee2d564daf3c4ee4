"""RFC 3161 time-stamp client: builds TimeStampReq, parses TimeStampResp and checks the token it returns."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import algos, cms, core, tsp
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

# http_post(url, body, headers) -> response body; raise on transport errors.
HttpPost = Callable[[str, bytes, Mapping[str, str]], bytes]

TIMESTAMP_QUERY_TYPE = "application/timestamp-query"
_HASHES = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
_GRANTED = {"granted", "granted_with_mods"}


class TimestampError(Exception):
    """A time-stamp could not be obtained or does not hold."""


class TimestampResponseError(TimestampError):
    """The TSA answer is not a readable RFC 3161 TimeStampResp."""


class TimestampRejectedError(TimestampError):
    """The TSA refused the request (PKIStatus other than granted)."""


class TimestampMismatchError(TimestampError):
    """The token does not time-stamp the data that was sent (message imprint or nonce differ)."""


class TimestampTokenError(TimestampError):
    """The time-stamp token is malformed or its TSA signature does not verify."""


@dataclass(frozen=True)
class TimestampToken:
    """An RFC 3161 TimeStampToken (CMS SignedData over TSTInfo) with its main TSTInfo fields read out."""

    der: bytes
    gen_time: datetime
    hash_algorithm: str
    message_imprint: bytes
    serial_number: int
    policy: str
    nonce: int | None
    certificates: tuple[x509.Certificate, ...]

    def imprint_matches(self, data: bytes) -> bool:
        """True when the token's message imprint is the hash of `data` under the token's hash algorithm."""
        if self.hash_algorithm not in _HASHES:
            return False
        return hashlib.new(self.hash_algorithm, data).digest() == self.message_imprint


class TimestampClient:
    """Ask an RFC 3161 TSA for a token over some data; the HTTP POST callable is injected."""

    def __init__(
        self,
        url: str,
        http_post: HttpPost,
        *,
        hash_algorithm: str = "sha256",
        policy: str | None = None,
        nonce_factory: Callable[[], int] | None = None,
    ):
        if hash_algorithm not in _HASHES:
            raise ValueError(f"hash_algorithm must be one of {', '.join(_HASHES)}.")
        self.url = url
        self._http_post = http_post
        self.hash_algorithm = hash_algorithm
        self.policy = policy
        self._nonce_factory = nonce_factory or (lambda: secrets.randbits(63))

    def __repr__(self) -> str:
        return f"TimestampClient(url={self.url!r}, hash_algorithm={self.hash_algorithm!r})"

    def timestamp(self, data: bytes) -> TimestampToken:
        """Hash `data`, request a token, and return it once status, imprint, nonce and signature hold."""
        digest = hashlib.new(self.hash_algorithm, data).digest()
        nonce = self._nonce_factory()
        request = build_timestamp_request(
            digest, hash_algorithm=self.hash_algorithm, nonce=nonce, policy=self.policy
        )
        response = self._http_post(self.url, request, {"Content-Type": TIMESTAMP_QUERY_TYPE})
        token = parse_timestamp_token(parse_timestamp_response(response))
        if token.hash_algorithm != self.hash_algorithm or token.message_imprint != digest:
            raise TimestampMismatchError("The TSA returned a token for different data than was sent.")
        if token.nonce != nonce:
            raise TimestampMismatchError("The TSA token does not echo the request nonce.")
        verify_timestamp_signature(token)
        return token


def build_timestamp_request(
    digest: bytes,
    *,
    hash_algorithm: str = "sha256",
    nonce: int | None = None,
    policy: str | None = None,
    cert_req: bool = True,
) -> bytes:
    """Return a DER TimeStampReq (version 1) for a precomputed digest."""
    if hash_algorithm not in _HASHES or len(digest) != _HASHES[hash_algorithm].digest_size:
        raise ValueError(f"The digest is not a {hash_algorithm} digest.")
    request = {
        "version": "v1",
        "message_imprint": {
            "hash_algorithm": {"algorithm": hash_algorithm},
            "hashed_message": digest,
        },
        "cert_req": cert_req,
    }
    if nonce is not None:
        request["nonce"] = nonce
    if policy is not None:
        request["req_policy"] = policy
    return tsp.TimeStampReq(request).dump()


def parse_timestamp_response(der: bytes) -> bytes:
    """Return the DER TimeStampToken from a TimeStampResp, or raise when the TSA did not grant it."""
    try:
        parts = _AnySequence.load(der, strict=True)
        status_info = tsp.PKIStatusInfo.load(parts[0].dump())
        status = status_info["status"].native
        token = cms.ContentInfo.load(parts[1].dump()) if len(parts) > 1 else None
    except Exception:  # noqa: BLE001 - asn1crypto raises several error types on bad DER
        raise TimestampResponseError("The TSA response is not a valid DER TimeStampResp.") from None
    if status not in _GRANTED:
        text = "; ".join(status_info["status_string"].native or [])
        failure = status_info["fail_info"].native
        detail = f" ({text})" if text else ""
        detail += f" [failure: {', '.join(sorted(failure))}]" if failure else ""
        raise TimestampRejectedError(f"The TSA refused the time-stamp request with status {status}{detail}.")
    if token is None:
        raise TimestampResponseError("The TSA granted the request but sent no time-stamp token.")
    return token.dump()


class _AnySequence(core.SequenceOf):
    """TimeStampResp read loosely: asn1crypto's own class wrongly requires a token even on refusal."""

    _child_spec = core.Any


def parse_timestamp_token(der: bytes) -> TimestampToken:
    """Read a DER TimeStampToken into a TimestampToken; raises TimestampTokenError when malformed."""
    try:
        content_info = cms.ContentInfo.load(der, strict=True)
        if content_info["content_type"].native != "signed_data":
            raise ValueError("not signed data")
        signed_data = content_info["content"]
        encapsulated = signed_data["encap_content_info"]
        if encapsulated["content_type"].native != "tst_info":
            raise ValueError("not TSTInfo")
        info = encapsulated["content"].parsed
        imprint = info["message_imprint"]
        certificates = tuple(
            x509.load_der_x509_certificate(choice.chosen.dump())
            for choice in signed_data["certificates"]
            if choice.name == "certificate"
        )
        return TimestampToken(
            der=der,
            gen_time=info["gen_time"].native,
            hash_algorithm=imprint["hash_algorithm"]["algorithm"].native,
            message_imprint=imprint["hashed_message"].native,
            serial_number=info["serial_number"].native,
            policy=info["policy"].dotted,
            nonce=info["nonce"].native,
            certificates=certificates,
        )
    except Exception:  # noqa: BLE001 - asn1crypto and x509 raise several error types on bad DER
        raise TimestampTokenError("The time-stamp token is not a valid RFC 3161 TimeStampToken.") from None


def verify_timestamp_signature(token: TimestampToken) -> x509.Certificate:
    """Check the TSA's CMS signature over the TSTInfo and return the TSA certificate that made it."""
    signed_data = cms.ContentInfo.load(token.der)["content"]
    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1:
        raise TimestampTokenError("A time-stamp token must carry exactly one signer.")
    signer = signer_infos[0]
    certificate = _find_signer_certificate(signer, token.certificates)
    _require_timestamping_usage(certificate)
    signed_attrs = signer["signed_attrs"]
    if not signed_attrs:
        raise TimestampTokenError("The time-stamp token has no signed attributes.")
    attributes = {attribute["type"].native: attribute["values"] for attribute in signed_attrs}
    if attributes.get("content_type") is None or attributes["content_type"][0].native != "tst_info":
        raise TimestampTokenError("The time-stamp token's content-type attribute is not TSTInfo.")
    hash_name = signer["digest_algorithm"]["algorithm"].native
    if hash_name not in _HASHES:
        raise TimestampTokenError(f"The time-stamp token uses an unsupported digest {hash_name}.")
    content = signed_data["encap_content_info"]["content"].contents
    digest = attributes.get("message_digest")
    if digest is None or digest[0].native != hashlib.new(hash_name, content).digest():
        raise TimestampTokenError("The time-stamp token's message digest does not match its TSTInfo.")
    to_verify = b"\x31" + signed_attrs.dump()[1:]  # signed attributes are signed as an explicit SET OF
    _verify_raw(certificate.public_key(), signer["signature"].native, to_verify, signer, _HASHES[hash_name]())
    return certificate


def _find_signer_certificate(signer: cms.SignerInfo, certificates) -> x509.Certificate:
    sid = signer["sid"]
    for certificate in certificates:
        if sid.name == "issuer_and_serial_number":
            issuer = sid.chosen["issuer"].dump()
            if certificate.issuer.public_bytes() == issuer and (
                certificate.serial_number == sid.chosen["serial_number"].native
            ):
                return certificate
        else:
            try:
                ski = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
            except x509.ExtensionNotFound:
                continue
            if ski == sid.chosen.native:
                return certificate
    raise TimestampTokenError("The time-stamp token does not include the TSA certificate that signed it.")


def _require_timestamping_usage(certificate: x509.Certificate) -> None:
    try:
        usages = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        usages = ()
    if ExtendedKeyUsageOID.TIME_STAMPING not in usages:
        raise TimestampTokenError("The TSA certificate lacks the timeStamping extended key usage.")


def _verify_raw(public_key, signature: bytes, data: bytes, signer: cms.SignerInfo, digest) -> None:
    algorithm: algos.SignedDigestAlgorithm = signer["signature_algorithm"]
    scheme = algorithm.signature_algo
    try:
        if isinstance(public_key, rsa.RSAPublicKey) and scheme == "rsassa_pkcs1v15":
            public_key.verify(signature, data, padding.PKCS1v15(), digest)
        elif isinstance(public_key, rsa.RSAPublicKey) and scheme == "rsassa_pss":
            params = algorithm["parameters"]
            salt = params["salt_length"].native
            pss_hash = _HASHES.get(params["hash_algorithm"]["algorithm"].native, hashes.SHA256)()
            public_key.verify(signature, data, padding.PSS(padding.MGF1(pss_hash), salt), pss_hash)
        elif isinstance(public_key, ec.EllipticCurvePublicKey) and scheme == "ecdsa":
            public_key.verify(signature, data, ec.ECDSA(digest))
        else:
            raise TimestampTokenError(f"The time-stamp token uses an unsupported signature scheme {scheme}.")
    except InvalidSignature:
        raise TimestampTokenError("The TSA signature on the time-stamp token does not verify.") from None

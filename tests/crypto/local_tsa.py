"""A tiny in-process RFC 3161 time-stamp authority for tests (asn1crypto + cryptography, no network)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from asn1crypto import algos, cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

TSA_POLICY = "1.2.3.4.1"


def make_tsa_certificate(now: datetime, *, time_stamping: bool = True):
    """A self-signed P-256 TSA certificate (critical timeStamping EKU unless told otherwise)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Local test TSA")])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(4242)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    )
    if time_stamping:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    return key, builder.sign(key, hashes.SHA256())


class LocalTimestampAuthority:
    """Answers TimeStampReq bytes with TimeStampResp bytes; knobs let tests make it misbehave."""

    def __init__(self, now: datetime, *, status: str = "granted", time_stamping: bool = True):
        self.now = now
        self.status = status
        self.key, self.certificate = make_tsa_certificate(now, time_stamping=time_stamping)
        self.requests: list[tuple[str, bytes, dict]] = []
        self.tamper_imprint = False
        self.tamper_nonce = False
        self.tamper_signature = False
        self.serial = 0

    def http_post(self, url: str, body: bytes, headers) -> bytes:
        """Behaves like the HTTP POST callable TimestampClient expects."""
        self.requests.append((url, body, dict(headers)))
        return self.respond(body)

    def respond(self, request_der: bytes) -> bytes:
        if self.status != "granted":
            # A refusal carries no token; asn1crypto's TimeStampResp cannot build that, so wrap by hand.
            status = tsp.PKIStatusInfo({"status": self.status, "status_string": ["refused by test"]}).dump()
            return b"\x30" + bytes([len(status)]) + status
        request = tsp.TimeStampReq.load(request_der)
        imprint = request["message_imprint"]
        hashed = imprint["hashed_message"].native
        if self.tamper_imprint:
            hashed = bytes(len(hashed))
        nonce = request["nonce"].native
        if self.tamper_nonce and nonce is not None:
            nonce += 1
        self.serial += 1
        info = tsp.TSTInfo(
            {
                "version": "v1",
                "policy": TSA_POLICY,
                "message_imprint": {
                    "hash_algorithm": {"algorithm": imprint["hash_algorithm"]["algorithm"].native},
                    "hashed_message": hashed,
                },
                "serial_number": self.serial,
                "gen_time": self.now.astimezone(UTC),
                "nonce": nonce,
            }
        )
        return tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": self.token(info)}).dump()

    def token(self, info: tsp.TSTInfo) -> cms.ContentInfo:
        content = info.dump()
        certificate = asn1_x509.Certificate.load(self.certificate.public_bytes(Encoding.DER))
        signed_attrs = cms.CMSAttributes(
            [
                cms.CMSAttribute({"type": "content_type", "values": ["tst_info"]}),
                cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(content).digest()]}),
            ]
        )
        signature = self.key.sign(b"\x31" + signed_attrs.dump()[1:], ec.ECDSA(hashes.SHA256()))
        if self.tamper_signature:
            signature = self.key.sign(b"something else", ec.ECDSA(hashes.SHA256()))
        signer = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier(
                    name="issuer_and_serial_number",
                    value={"issuer": certificate.issuer, "serial_number": certificate.serial_number},
                ),
                "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                "signed_attrs": signed_attrs,
                "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
                "signature": signature,
            }
        )
        signed_data = cms.SignedData(
            {
                "version": "v3",
                "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
                "encap_content_info": {
                    "content_type": "tst_info",
                    "content": cms.ParsableOctetString(content),
                },
                "certificates": [certificate],
                "signer_infos": [signer],
            }
        )
        return cms.ContentInfo({"content_type": "signed_data", "content": signed_data})


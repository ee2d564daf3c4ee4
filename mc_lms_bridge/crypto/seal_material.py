"""Load and check an institution's e-seal (PKCS#12 or PEM) and create self-signed development seals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

SealPrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

# The organizationIdentifier attribute (ETSI EN 319 412-1) that real e-seal certificates carry.
ORGANIZATION_IDENTIFIER_OID = x509.ObjectIdentifier("2.5.4.97")
# Development seals say so in their subject; they also never carry QCStatements.
DEVELOPMENT_SEAL_MARKER = "NOT QUALIFIED - development e-seal (mc-lms-bridge)"
QC_STATEMENTS_OID = x509.ObjectIdentifier("1.3.6.1.5.5.7.1.3")
MINIMUM_RSA_BITS = 2048
MAX_CHAIN_LENGTH = 10
SUPPORTED_CURVES = {"secp256r1": "P-256", "secp384r1": "P-384"}
DEVELOPMENT_KEY_TYPES = ("ec-p256", "ec-p384", "rsa-2048", "rsa-3072")


class SealMaterialError(ValueError):
    """The e-seal key or certificate cannot be used to seal credentials."""


class InvalidSealFileError(SealMaterialError):
    """The PKCS#12 or PEM data is not readable at all."""


class WrongPasswordError(SealMaterialError):
    """The password does not open the PKCS#12 bundle or the encrypted private key."""


class KeyCertificateMismatchError(SealMaterialError):
    """The private key does not belong to the seal certificate."""


class CertificateValidityError(SealMaterialError):
    """The seal certificate is outside its validity period."""


class CertificateExpiredError(CertificateValidityError):
    """The seal certificate has expired."""


class CertificateNotYetValidError(CertificateValidityError):
    """The seal certificate is not valid yet."""


class UnsupportedKeyTypeError(SealMaterialError):
    """The key is not RSA (2048+ bits) or EC P-256/P-384."""


class KeyUsageError(SealMaterialError):
    """The certificate does not allow digitalSignature or nonRepudiation."""


class CertificateIdentityError(SealMaterialError):
    """The certificate subject lacks the organisation attributes an e-seal needs."""


class InvalidSealOptionsError(SealMaterialError):
    """The options given to create a development seal are not usable."""


@dataclass(frozen=True)
class EidasIdentity:
    """The legal identity a seal certificate asserts: fills the EDC issuer's legalName and eIDASIdentifier."""

    legal_name: str
    organisation_identifier: str
    country: str


@dataclass(frozen=True, eq=False, repr=False)
class SealMaterial:
    """A checked e-seal: private key, leaf certificate and chain (leaf first, as in the JWS x5c header)."""

    private_key: SealPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    def __repr__(self) -> str:
        return (
            f"SealMaterial(subject={self.certificate.subject.rfc4514_string()!r}, "
            f"key=<{describe_key(self.private_key.public_key())}, hidden>, chain_length={len(self.chain)})"
        )

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("SealMaterial holds a private key and cannot be pickled.")


def describe_key(public_key) -> str:
    """Return a short human description of a public key type, e.g. 'EC P-256' or 'RSA 2048'."""
    if isinstance(public_key, rsa.RSAPublicKey):
        return f"RSA {public_key.key_size}"
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        return f"EC {SUPPORTED_CURVES.get(public_key.curve.name, public_key.curve.name)}"
    return type(public_key).__name__.lstrip("_")


def load_seal_from_pkcs12(data: bytes, password: bytes | None, *, now: datetime) -> SealMaterial:
    """Open a PKCS#12 e-seal bundle and check it is usable at `now`; raises a SealMaterialError subclass."""
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError):
        if not _looks_like_pkcs12(data):
            raise InvalidSealFileError("The seal file is not a valid PKCS#12 bundle.") from None
        raise WrongPasswordError("The PKCS#12 password is wrong or missing.") from None
    if key is None or certificate is None:
        raise InvalidSealFileError("The PKCS#12 bundle must hold both the private key and its certificate.")
    return check_seal_material(key, certificate, tuple(extra), now=now)


def load_seal_from_pem(
    private_key_pem: bytes, certificate_chain_pem: bytes, *, password: bytes | None = None, now: datetime
) -> SealMaterial:
    """Load a PEM private key and a PEM certificate chain (leaf first) and check them at `now`."""
    try:
        key = serialization.load_pem_private_key(private_key_pem, password)
    except TypeError:
        if password is None:
            raise WrongPasswordError("The private key is encrypted but no password was given.") from None
        raise WrongPasswordError("A password was given but the private key is not encrypted.") from None
    except ValueError:
        if b"ENCRYPTED" in private_key_pem:
            raise WrongPasswordError("The private key password is wrong.") from None
        raise InvalidSealFileError("The private key is not a readable PEM private key.") from None
    except UnsupportedAlgorithm:
        raise UnsupportedKeyTypeError("The private key uses an algorithm this package cannot read.") from None
    try:
        certificates = x509.load_pem_x509_certificates(certificate_chain_pem)
    except ValueError:
        raise InvalidSealFileError("The certificate chain is not readable PEM certificates.") from None
    return check_seal_material(key, certificates[0], tuple(certificates[1:]), now=now)


def check_seal_material(
    private_key, certificate: x509.Certificate, others: tuple[x509.Certificate, ...], *, now: datetime
) -> SealMaterial:
    """Validate key type, key/certificate match, validity at `now` and key usage; order the chain."""
    _require_aware(now, "now")
    if not isinstance(private_key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise UnsupportedKeyTypeError(
            f"Seal keys must be RSA ({MINIMUM_RSA_BITS}+ bits) or EC P-256/P-384, "
            f"not {describe_key(private_key.public_key())}."
        )
    _check_key_strength(private_key.public_key())
    if _public_der(private_key.public_key()) != _public_der(certificate.public_key()):
        raise KeyCertificateMismatchError("The private key does not belong to the seal certificate.")
    _check_validity(certificate, now)
    _check_key_usage(certificate)
    return SealMaterial(private_key, certificate, order_chain(certificate, others))


def order_chain(leaf: x509.Certificate, others: tuple[x509.Certificate, ...]) -> tuple[x509.Certificate, ...]:
    """Return leaf followed by its issuers in order; certificates not on the leaf's path are left out."""
    chain = [leaf]
    remaining = [c for c in others if c != leaf]
    while chain[-1].issuer != chain[-1].subject:
        issuer = next((c for c in remaining if c.subject == chain[-1].issuer), None)
        if issuer is None:
            break
        chain.append(issuer)
        remaining.remove(issuer)
    return tuple(chain)


def eidas_identity_from_certificate(certificate: x509.Certificate) -> EidasIdentity:
    """Read O, organizationIdentifier (2.5.4.97) and C from a seal certificate's subject."""
    values = {}
    for label, oid in (
        ("O (organisation name)", NameOID.ORGANIZATION_NAME),
        ("organizationIdentifier (2.5.4.97)", ORGANIZATION_IDENTIFIER_OID),
        ("C (country)", NameOID.COUNTRY_NAME),
    ):
        attributes = certificate.subject.get_attributes_for_oid(oid)
        if not attributes or not str(attributes[0].value).strip():
            raise CertificateIdentityError(f"The seal certificate subject has no {label} attribute.")
        values[label] = str(attributes[0].value).strip()
    legal_name, identifier, country = values.values()
    return EidasIdentity(legal_name=legal_name, organisation_identifier=identifier, country=country)


def is_development_seal(certificate: x509.Certificate) -> bool:
    """True when the certificate is a development seal made by create_development_seal (never qualified)."""
    units = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    return any(attribute.value == DEVELOPMENT_SEAL_MARKER for attribute in units)


def has_qc_statements(certificate: x509.Certificate) -> bool:
    """True when the certificate carries QCStatements (what a qualified e-seal certificate has)."""
    return any(extension.oid == QC_STATEMENTS_OID for extension in certificate.extensions)


def create_development_seal(
    *,
    organisation_name: str,
    country: str,
    organisation_identifier: str,
    password: bytes | None,
    valid_days: int = 365,
    now: datetime,
    key_type: str = "ec-p256",
) -> bytes:
    """Create a self-signed, clearly non-qualified e-seal as PKCS#12 bytes, for development and tests."""
    _require_aware(now, "now")
    _check_development_options(organisation_name, country, organisation_identifier, password, valid_days)
    if key_type not in DEVELOPMENT_KEY_TYPES:
        raise InvalidSealOptionsError(f"key_type must be one of {', '.join(DEVELOPMENT_KEY_TYPES)}.")
    key = _generate_key(key_type)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, organisation_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation_name),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, DEVELOPMENT_SEAL_MARKER),
            x509.NameAttribute(ORGANIZATION_IDENTIFIER_OID, organisation_identifier),
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        ]
    )
    start = now.replace(microsecond=0)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_seal_key_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(
        organisation_name.encode("utf-8"), key, certificate, None, encryption
    )


def _seal_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _generate_key(key_type: str) -> SealPrivateKey:
    if key_type == "ec-p256":
        return ec.generate_private_key(ec.SECP256R1())
    if key_type == "ec-p384":
        return ec.generate_private_key(ec.SECP384R1())
    return rsa.generate_private_key(public_exponent=65537, key_size=int(key_type.split("-")[1]))


def _check_development_options(
    organisation_name: str,
    country: str,
    organisation_identifier: str,
    password: bytes | None,
    valid_days: int,
) -> None:
    if not organisation_name or not organisation_name.strip():
        raise InvalidSealOptionsError("organisation_name must not be empty.")
    if len(country) != 2 or not country.isascii() or not country.isalpha() or not country.isupper():
        raise InvalidSealOptionsError("country must be a two-letter upper-case ISO 3166 code such as 'BE'.")
    if not organisation_identifier or not organisation_identifier.strip():
        raise InvalidSealOptionsError("organisation_identifier must not be empty (e.g. 'VATBE-0123456789').")
    if password is not None and not isinstance(password, bytes):
        raise InvalidSealOptionsError("password must be bytes or None.")
    if not isinstance(valid_days, int) or valid_days < 1:
        raise InvalidSealOptionsError("valid_days must be a positive whole number.")


def _check_key_strength(public_key) -> None:
    if isinstance(public_key, rsa.RSAPublicKey) and public_key.key_size < MINIMUM_RSA_BITS:
        raise UnsupportedKeyTypeError(
            f"RSA seal keys need at least {MINIMUM_RSA_BITS} bits; this one has {public_key.key_size}."
        )
    if isinstance(public_key, ec.EllipticCurvePublicKey) and public_key.curve.name not in SUPPORTED_CURVES:
        raise UnsupportedKeyTypeError(f"EC seal keys must use P-256 or P-384, not {public_key.curve.name}.")


def _check_validity(certificate: x509.Certificate, now: datetime) -> None:
    if now < certificate.not_valid_before_utc:
        raise CertificateNotYetValidError(
            f"The seal certificate is not valid before {certificate.not_valid_before_utc.isoformat()}."
        )
    if now > certificate.not_valid_after_utc:
        raise CertificateExpiredError(
            f"The seal certificate expired on {certificate.not_valid_after_utc.isoformat()}."
        )


def _check_key_usage(certificate: x509.Certificate) -> None:
    """Refuse (not warn): a seal certificate must allow digitalSignature or nonRepudiation explicitly."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        raise KeyUsageError(
            "The seal certificate has no keyUsage extension; "
            "it must allow digitalSignature or nonRepudiation."
        ) from None
    if not (usage.digital_signature or usage.content_commitment):
        raise KeyUsageError(
            "The seal certificate's keyUsage allows neither digitalSignature nor nonRepudiation."
        )


def _public_der(public_key) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx["auth_safe"]["content_type"].native  # noqa: B018 - forces parsing of the outer structure
    except Exception:  # noqa: BLE001 - any parse failure means "not PKCS#12"
        return False
    return True


def _require_aware(moment: datetime, name: str) -> None:
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise ValueError(f"{name} must be a timezone-aware datetime.")


def validity_problem(certificate: x509.Certificate, at: datetime) -> str | None:
    """Say why `certificate` is not valid at `at`, or None when it is."""
    if not certificate.not_valid_before_utc <= at <= certificate.not_valid_after_utc:
        return (
            f"{certificate.subject.rfc4514_string()} is valid only from {certificate.not_valid_before_utc} "
            f"to {certificate.not_valid_after_utc}, not at {at}."
        )
    return None


def certificate_path_problem(chain, anchors, at: datetime) -> str | None:
    """Walk leaf -> chain issuers -> a trust anchor by hand; say why it fails, or None when it holds.

    cryptography's x509.verification only implements web-PKI server/client profiles (EKU, SAN, CA rules)
    that e-seal certificates do not follow, so this checks issuer/subject linkage, each signature,
    CA basicConstraints for intermediates, and validity of every certificate (anchor included) at `at`.
    A pinned self-signed seal certificate may itself be the anchor.
    """
    current, intermediates = chain[0], list(chain[1:])
    for _ in range(MAX_CHAIN_LENGTH):
        problem = validity_problem(current, at)
        if problem or current in anchors:
            return problem
        anchor = next((a for a in anchors if _issued_by(current, a)), None)
        if anchor is not None:
            return validity_problem(anchor, at)
        issuer = next((c for c in intermediates if _issued_by(current, c) and _is_ca(c)), None)
        if issuer is None:
            return f"No configured trust anchor issued {current.subject.rfc4514_string()}: untrusted chain."
        current = issuer
    return "The certificate chain is too long."


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False

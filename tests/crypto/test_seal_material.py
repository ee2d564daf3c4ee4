"""Tests for loading and checking e-seal material and for development seals."""

import base64
import json
import pickle
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from mc_lms_bridge.crypto.seal_material import (
    DEVELOPMENT_SEAL_MARKER,
    ORGANIZATION_IDENTIFIER_OID,
    CertificateExpiredError,
    CertificateIdentityError,
    CertificateNotYetValidError,
    InvalidSealFileError,
    InvalidSealOptionsError,
    KeyCertificateMismatchError,
    KeyUsageError,
    SealMaterialError,
    UnsupportedKeyTypeError,
    WrongPasswordError,
    create_development_seal,
    eidas_identity_from_certificate,
    has_qc_statements,
    is_development_seal,
    load_seal_from_pem,
    load_seal_from_pkcs12,
    order_chain,
)

NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
PASSWORD = b"correct horse battery staple"
EU_SAMPLE = Path(__file__).parents[1] / "data" / "jades" / "eu-edci-sealed-presentation.json"


def dev_seal(password=PASSWORD, **overrides) -> bytes:
    options = dict(
        organisation_name="Université de Test",
        country="BE",
        organisation_identifier="VATBE-0123456789",
        password=password,
        now=NOW,
    )
    options.update(overrides)
    return create_development_seal(**options)


def pem_of(material_key, certificate, password: bytes | None = None) -> tuple[bytes, bytes]:
    encryption = (
        serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    )
    key_pem = material_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    return key_pem, certificate.public_bytes(serialization.Encoding.PEM)


def self_signed(key, *, key_usage: x509.KeyUsage | None, hash_algorithm=None) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Org"),
            x509.NameAttribute(ORGANIZATION_IDENTIFIER_OID, "NTRBE-1"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
        ]
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=30))
    )
    if key_usage is not None:
        builder = builder.add_extension(key_usage, critical=True)
    return builder.sign(key, hash_algorithm)


def key_usage(**flags) -> x509.KeyUsage:
    names = (
        "digital_signature content_commitment key_encipherment data_encipherment key_agreement "
        "key_cert_sign crl_sign"
    ).split()
    return x509.KeyUsage(**{name: flags.get(name, False) for name in names}, encipher_only=False,
                         decipher_only=False)


def test_development_seal_loads_and_identity_round_trips():
    material = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW)
    identity = eidas_identity_from_certificate(material.certificate)
    assert identity.legal_name == "Université de Test"
    assert identity.organisation_identifier == "VATBE-0123456789"
    assert identity.country == "BE"
    assert is_development_seal(material.certificate)
    assert not has_qc_statements(material.certificate)
    assert material.chain == (material.certificate,)


def test_development_seal_is_marked_not_qualified_in_subject():
    certificate = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW).certificate
    units = [a.value for a in certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)]
    assert units == [DEVELOPMENT_SEAL_MARKER]
    assert "NOT QUALIFIED" in DEVELOPMENT_SEAL_MARKER


def test_development_seal_without_password_and_with_rsa_key():
    material = load_seal_from_pkcs12(dev_seal(password=None, key_type="rsa-2048"), None, now=NOW)
    assert isinstance(material.private_key, rsa.RSAPrivateKey)
    assert material.private_key.key_size == 2048


def test_real_eu_test_qsealc_is_not_a_development_seal_and_yields_its_identity():
    protected = json.loads(EU_SAMPLE.read_text())["signatures"][0]["protected"]
    header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
    certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
    assert not is_development_seal(certificate)
    assert has_qc_statements(certificate)
    identity = eidas_identity_from_certificate(certificate)
    assert identity.organisation_identifier == "VATES-B00000000"
    assert identity.country == "ES"
    assert identity.legal_name == "Certificado TEST Sello Electronico"


def test_repr_and_str_never_show_the_private_key():
    material = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW)
    secret = str(material.private_key.private_numbers().private_value)
    for text in (repr(material), str(material), f"{material}"):
        assert secret not in text
        assert "hidden" in text
        assert "PRIVATE" not in text


def test_seal_material_refuses_pickling():
    material = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(material)


def test_wrong_password_raises_specific_error_without_echoing_it():
    with pytest.raises(WrongPasswordError) as raised:
        load_seal_from_pkcs12(dev_seal(), b"hunter2-wrong", now=NOW)
    assert "hunter2" not in str(raised.value)
    assert PASSWORD.decode() not in str(raised.value)
    assert raised.value.__cause__ is None


def test_missing_password_for_encrypted_bundle_is_a_password_error():
    with pytest.raises(WrongPasswordError):
        load_seal_from_pkcs12(dev_seal(), None, now=NOW)


def test_garbage_is_not_mistaken_for_a_wrong_password():
    with pytest.raises(InvalidSealFileError, match="not a valid PKCS#12"):
        load_seal_from_pkcs12(b"\x30\x03\x02\x01\x03garbage", PASSWORD, now=NOW)


def test_expired_certificate_is_refused_at_load_time():
    with pytest.raises(CertificateExpiredError, match="expired"):
        load_seal_from_pkcs12(dev_seal(valid_days=10), PASSWORD, now=NOW + timedelta(days=11))


def test_not_yet_valid_certificate_is_refused_at_load_time():
    with pytest.raises(CertificateNotYetValidError, match="not valid before"):
        load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW - timedelta(minutes=1))


def test_key_certificate_mismatch_is_refused():
    one = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW)
    other = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW)
    key_pem, _ = pem_of(one.private_key, one.certificate)
    _, certificate_pem = pem_of(other.private_key, other.certificate)
    with pytest.raises(KeyCertificateMismatchError, match="does not belong"):
        load_seal_from_pem(key_pem, certificate_pem, now=NOW)


def test_pem_round_trip_with_encrypted_key():
    material = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW)
    key_pem, certificate_pem = pem_of(material.private_key, material.certificate, PASSWORD)
    loaded = load_seal_from_pem(key_pem, certificate_pem, password=PASSWORD, now=NOW)
    assert loaded.certificate == material.certificate
    with pytest.raises(WrongPasswordError, match="password is wrong"):
        load_seal_from_pem(key_pem, certificate_pem, password=b"nope", now=NOW)
    with pytest.raises(WrongPasswordError, match="no password"):
        load_seal_from_pem(key_pem, certificate_pem, now=NOW)


def test_unreadable_pem_is_an_invalid_file():
    material = load_seal_from_pkcs12(dev_seal(), PASSWORD, now=NOW)
    key_pem, _ = pem_of(material.private_key, material.certificate)
    with pytest.raises(InvalidSealFileError):
        load_seal_from_pem(b"not a key", b"", now=NOW)
    with pytest.raises(InvalidSealFileError):
        load_seal_from_pem(key_pem, b"not a certificate", now=NOW)


@pytest.mark.parametrize(
    "make_key, hash_algorithm, message",
    [
        (ed25519.Ed25519PrivateKey.generate, None, "RSA"),
        (lambda: rsa.generate_private_key(public_exponent=65537, key_size=1024), hashes.SHA256(), "2048"),
        (lambda: ec.generate_private_key(ec.SECP521R1()), hashes.SHA256(), "P-256 or P-384"),
    ],
)
def test_unsupported_key_types_are_refused(make_key, hash_algorithm, message):
    key = make_key()
    certificate = self_signed(key, key_usage=key_usage(digital_signature=True), hash_algorithm=hash_algorithm)
    data = pkcs12.serialize_key_and_certificates(b"x", key, certificate, None, serialization.NoEncryption())
    with pytest.raises(UnsupportedKeyTypeError, match=message):
        load_seal_from_pkcs12(data, None, now=NOW)


@pytest.mark.parametrize(
    "usage", [None, key_usage(key_encipherment=True), key_usage(key_cert_sign=True, crl_sign=True)]
)
def test_certificate_without_signing_key_usage_is_refused(usage):
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = self_signed(key, key_usage=usage, hash_algorithm=hashes.SHA256())
    key_pem, certificate_pem = pem_of(key, certificate)
    with pytest.raises(KeyUsageError, match="digitalSignature (or|nor) nonRepudiation"):
        load_seal_from_pem(key_pem, certificate_pem, now=NOW)


def test_non_repudiation_alone_is_enough():
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = self_signed(key, key_usage=key_usage(content_commitment=True), hash_algorithm=hashes.SHA256())
    key_pem, certificate_pem = pem_of(key, certificate)
    assert load_seal_from_pem(key_pem, certificate_pem, now=NOW).certificate == certificate


def test_identity_needs_organisation_identifier():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Org")])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(NOW).not_valid_after(NOW + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    with pytest.raises(CertificateIdentityError, match="organizationIdentifier"):
        eidas_identity_from_certificate(certificate)


@pytest.mark.parametrize(
    "overrides",
    [
        {"country": "bel"},
        {"country": "be"},
        {"organisation_name": " "},
        {"organisation_identifier": ""},
        {"valid_days": 0},
        {"key_type": "dsa-1024"},
    ],
)
def test_development_seal_options_are_checked(overrides):
    with pytest.raises(InvalidSealOptionsError):
        dev_seal(**overrides)


def test_naive_clock_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        load_seal_from_pkcs12(dev_seal(), PASSWORD, now=datetime(2025, 3, 1))


def test_errors_share_one_base_class():
    for error in (WrongPasswordError, KeyUsageError, CertificateExpiredError, InvalidSealOptionsError):
        assert issubclass(error, SealMaterialError)


def test_order_chain_follows_issuers_and_drops_strangers():
    def cert(subject: str, issuer: str) -> x509.Certificate:
        key = ec.generate_private_key(ec.SECP256R1())
        return (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key()).serial_number(1).not_valid_before(NOW)
            .not_valid_after(NOW + timedelta(days=1)).sign(key, hashes.SHA256())
        )

    root, middle, leaf, stranger = cert("root", "root"), cert("mid", "root"), cert("leaf", "mid"), cert("x", "y")
    assert order_chain(leaf, (stranger, root, middle)) == (leaf, middle, root)

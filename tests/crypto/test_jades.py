"""Tests for the JAdES e-seal: an independent verifier, tamper detection, chains, time and B-T."""

import base64
import copy
import hashlib
import importlib.util
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st

from mc_lms_bridge.crypto.jades import (
    CHECK_NAMES,
    JadesError,
    JadesFormatError,
    JadesPayloadError,
    extract_payload,
    issuer_serial_der,
    seal_jades,
    verify_jades,
)
from mc_lms_bridge.crypto.seal_material import (
    ORGANIZATION_IDENTIFIER_OID,
    create_development_seal,
    load_seal_from_pkcs12,
)
from mc_lms_bridge.crypto.tsa import TimestampClient

NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
SIGNED_AT = NOW + timedelta(hours=1)
LATER = NOW + timedelta(days=7)
HERE = Path(__file__).parent
EU_SAMPLE = HERE.parent / "data" / "jades" / "eu-edci-sealed-presentation.json"
PAYLOAD = json.dumps(
    {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"], "id": "urn:x:1"},
    indent=1,
).encode()


def load_local_tsa():
    spec = importlib.util.spec_from_file_location("local_tsa", HERE / "local_tsa.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


local_tsa = load_local_tsa()


def dev_material(key_type="ec-p256"):
    data = create_development_seal(
        organisation_name="Hogeschool Test", country="NL", organisation_identifier="NTRNL-12345678",
        password=None, now=NOW, key_type=key_type,
    )
    return load_seal_from_pkcs12(data, None, now=NOW)


EC_SEAL = dev_material()
RSA_SEAL = dev_material("rsa-2048")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def independent_verify(sealed: dict) -> bool:
    """RFC 7515/7797 by hand: ASCII(protected) + '.' + payload bytes, key from x5c[0]."""
    entry = sealed["signatures"][0]
    header = json.loads(unb64url(entry["protected"]))
    crit = header.get("crit")
    if header.get("b64") is not False or not isinstance(crit, list) or "b64" not in crit:
        return False
    certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
    signing_input = entry["protected"].encode("ascii") + b"." + sealed["payload"].encode("utf-8")
    signature = unb64url(entry["signature"])
    key = certificate.public_key()
    try:
        if header["alg"] == "RS256":
            key.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
        elif header["alg"] == "PS256":
            key.verify(signature, signing_input, padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256())
        elif header["alg"] == "ES256":
            r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            key.verify(encode_dss_signature(r, s), signing_input, ec.ECDSA(hashes.SHA256()))
        else:
            return False
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def resign(sealed: dict, material, change) -> dict:
    """Rebuild a seal with a changed protected header, validly signed by `material` (ES256 only)."""
    forged = copy.deepcopy(sealed)
    entry = forged["signatures"][0]
    header = json.loads(unb64url(entry["protected"]))
    change(header)
    entry["protected"] = b64url(json.dumps(header).encode())
    der = material.private_key.sign(
        entry["protected"].encode() + b"." + forged["payload"].encode(), ec.ECDSA(hashes.SHA256())
    )
    r, s = decode_dss_signature(der)
    entry["signature"] = b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
    return forged


def protected_header(sealed: dict) -> dict:
    return json.loads(unb64url(sealed["signatures"][0]["protected"]))


def make_ca_chain():
    """root CA -> intermediate CA -> seal certificate; returns (material, root)."""
    def name(common_name):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])

    def build(subject, issuer_name, public_key, signing_key, *, ca):
        builder = (
            x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - timedelta(days=1)).not_valid_after(NOW + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        usage = dict(
            digital_signature=not ca, content_commitment=not ca, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False,
        )
        return builder.add_extension(x509.KeyUsage(**usage), critical=True).sign(signing_key, hashes.SHA256())

    root_key, middle_key, leaf_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    root = build(name("Test Root CA"), name("Test Root CA"), root_key.public_key(), root_key, ca=True)
    middle = build(name("Test Seal CA"), root.subject, middle_key.public_key(), root_key, ca=True)
    leaf_name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test University"),
            x509.NameAttribute(ORGANIZATION_IDENTIFIER_OID, "VATBE-0000000097"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
        ]
    )
    leaf = build(leaf_name, middle.subject, leaf_key.public_key(), middle_key, ca=False)
    bundle = pkcs12.serialize_key_and_certificates(
        b"seal", leaf_key, leaf, [root, middle], serialization.NoEncryption()
    )
    return load_seal_from_pkcs12(bundle, None, now=NOW), root


@pytest.fixture(scope="module")
def ec_sealed():
    return seal_jades(PAYLOAD, EC_SEAL, signing_time=SIGNED_AT)


def test_seal_is_general_json_serialization_with_unencoded_payload(ec_sealed):
    assert set(ec_sealed) == {"payload", "signatures"}
    assert ec_sealed["payload"] == PAYLOAD.decode()
    assert len(ec_sealed["signatures"]) == 1
    assert set(ec_sealed["signatures"][0]) == {"protected", "signature"}
    assert extract_payload(ec_sealed) == PAYLOAD


def test_protected_header_matches_the_eu_issuer_shape(ec_sealed):
    header = protected_header(ec_sealed)
    leaf_der = EC_SEAL.certificate.public_bytes(serialization.Encoding.DER)
    assert header["alg"] == "ES256"
    assert header["b64"] is False
    assert header["crit"] == ["b64", "sigT"]
    assert header["sigT"] == "2025-03-01T13:00:00Z"
    assert header["typ"] == "jose+json" and header["cty"] == "json"
    assert header["x5c"] == [base64.b64encode(leaf_der).decode()]
    assert header["x5t#S256"] == b64url(hashlib.sha256(leaf_der).digest())
    assert base64.b64decode(header["kid"]) == issuer_serial_der(EC_SEAL.certificate)
    eu_header = json.loads(unb64url(json.loads(EU_SAMPLE.read_text())["signatures"][0]["protected"]))
    assert set(header) == set(eu_header) - {"adoTst"}


@pytest.mark.parametrize("material, alg", [(EC_SEAL, None), (RSA_SEAL, None), (RSA_SEAL, "PS256")])
def test_independent_implementation_verifies_the_seal(material, alg):
    sealed = seal_jades(PAYLOAD, material, signing_time=SIGNED_AT, algorithm=alg)
    assert protected_header(sealed)["alg"] == (alg or ("ES256" if material is EC_SEAL else "RS256"))
    assert independent_verify(sealed)
    result = verify_jades(sealed, trust_anchors=[material.certificate], now=NOW + timedelta(days=1))
    assert result.valid, result.failed
    assert [check.name for check in result.checks] == list(CHECK_NAMES)
    assert result.level == "B-B" and result.signing_time == SIGNED_AT.replace(microsecond=0)


def test_independent_verifier_accepts_the_real_eu_issuer_seal():
    assert independent_verify(json.loads(EU_SAMPLE.read_text()))


def test_our_verifier_on_the_real_eu_issuer_seal():
    result = verify_jades(EU_SAMPLE.read_text(), trust_anchors=[], now=datetime(2022, 9, 1, tzinfo=UTC))
    passed = {check.name for check in result.checks if check.passed}
    assert passed == {"structure", "certificate_digest", "signature", "signing_time", "timestamp"}
    assert "adoTst" in result.check("header").reason
    assert "untrusted" in result.check("chain").reason
    assert result.timestamp_time == datetime(2022, 8, 19, 11, 10, 46, tzinfo=UTC)


@settings(max_examples=60, deadline=None)
@given(position=st.integers(min_value=0, max_value=len(PAYLOAD) - 1), mask=st.integers(min_value=1, max_value=127))
def test_any_payload_byte_flip_breaks_the_seal(ec_sealed, position, mask):
    changed = bytearray(PAYLOAD)
    changed[position] ^= mask
    tampered = dict(ec_sealed, payload=changed.decode("ascii"))
    assert not independent_verify(tampered)
    result = verify_jades(tampered, trust_anchors=[EC_SEAL.certificate], now=LATER)
    assert not result.check("signature").passed and not result.valid


@settings(max_examples=60, deadline=None)
@given(
    key=st.sampled_from(["alg", "cty", "kid", "x5t#S256", "typ", "sigT", "crit", "b64", "extra"]),
    value=st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.lists(st.text(max_size=5), max_size=3)),
)
def test_any_header_value_change_breaks_the_seal(ec_sealed, key, value):
    header = protected_header(ec_sealed)
    if header.get(key, object()) == value:
        return
    header[key] = value
    tampered = copy.deepcopy(ec_sealed)
    tampered["signatures"][0]["protected"] = b64url(json.dumps(header).encode())
    assert not independent_verify(tampered)
    result = verify_jades(tampered, trust_anchors=[EC_SEAL.certificate], now=LATER)
    assert not result.valid
    assert not result.check("signature").passed


def test_reserialising_the_payload_json_breaks_the_seal(ec_sealed):
    compact = json.dumps(json.loads(ec_sealed["payload"]), separators=(",", ":"))
    result = verify_jades(dict(ec_sealed, payload=compact), trust_anchors=[EC_SEAL.certificate], now=LATER)
    assert not result.check("signature").passed


def test_flattened_serialisation_is_accepted(ec_sealed):
    flattened = {"payload": ec_sealed["payload"], **ec_sealed["signatures"][0]}
    assert verify_jades(flattened, trust_anchors=[EC_SEAL.certificate], now=LATER).valid


def test_untrusted_chain_is_reported(ec_sealed):
    result = verify_jades(ec_sealed, trust_anchors=[RSA_SEAL.certificate], now=LATER)
    assert result.check("signature").passed
    assert not result.check("chain").passed and "untrusted" in result.check("chain").reason
    assert not result.valid


def test_chain_through_an_intermediate_to_the_configured_root():
    material, root = make_ca_chain()
    assert len(material.chain) == 3
    sealed = seal_jades(PAYLOAD, material, signing_time=SIGNED_AT)
    assert len(protected_header(sealed)["x5c"]) == 3
    assert verify_jades(sealed, trust_anchors=[root], now=LATER).valid
    _, other_root = make_ca_chain()
    assert not verify_jades(sealed, trust_anchors=[other_root], now=LATER).check("chain").passed


def test_wrong_x5t_is_reported_even_when_the_signature_holds(ec_sealed):
    forged = resign(ec_sealed, EC_SEAL, lambda h: h.update({"x5t#S256": b64url(b"\0" * 32)}))
    result = verify_jades(forged, trust_anchors=[EC_SEAL.certificate], now=LATER)
    assert result.check("signature").passed
    assert not result.check("certificate_digest").passed
    assert "x5t#S256" in result.check("certificate_digest").reason


def test_signing_time_outside_certificate_validity_is_reported(ec_sealed):
    forged = resign(ec_sealed, EC_SEAL, lambda h: h.update({"sigT": "2024-01-01T00:00:00Z"}))
    result = verify_jades(forged, trust_anchors=[EC_SEAL.certificate], now=LATER)
    assert result.check("signature").passed
    assert not result.check("signing_time").passed
    assert "outside the seal certificate validity" in result.check("signing_time").reason
    assert not result.check("chain").passed


def test_signing_time_in_the_future_is_reported(ec_sealed):
    result = verify_jades(ec_sealed, trust_anchors=[EC_SEAL.certificate], now=SIGNED_AT - timedelta(hours=1))
    assert not result.check("signing_time").passed and "future" in result.check("signing_time").reason


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda h: h.update({"b64": True}), "b64"),
        (lambda h: h.update({"crit": ["b64", "sigT", "exp"], "exp": 1}), "understood"),
        (lambda h: h.update({"crit": ["b64"]}), "sigT"),
        (lambda h: h.update({"alg": "HS256"}), "not allowed"),
        (lambda h: h.update({"sigT": "2025-03-01 13:00"}), "sigT"),
    ],
)
def test_header_rules_are_enforced(ec_sealed, change, expected):
    forged = resign(ec_sealed, EC_SEAL, change)
    result = verify_jades(forged, trust_anchors=[EC_SEAL.certificate], now=LATER)
    assert not result.check("header").passed
    assert expected in result.check("header").reason


def test_header_parameter_both_protected_and_unprotected_is_refused(ec_sealed):
    tampered = copy.deepcopy(ec_sealed)
    tampered["signatures"][0]["header"] = {"alg": "ES256"}
    assert "both protected and unprotected" in verify_jades(
        tampered, trust_anchors=[EC_SEAL.certificate], now=LATER
    ).check("header").reason


def test_b_t_round_trip_with_local_tsa():
    tsa = local_tsa.LocalTimestampAuthority(SIGNED_AT + timedelta(seconds=2))
    client = TimestampClient("https://tsa.invalid", tsa.http_post)
    sealed = seal_jades(PAYLOAD, EC_SEAL, signing_time=SIGNED_AT, timestamp_client=client)
    entry = sealed["signatures"][0]
    assert independent_verify(sealed)
    etsi_u = json.loads(unb64url(entry["header"]["etsiU"][0]))
    token_der = base64.b64decode(etsi_u["sigTst"]["tstTokens"][0]["val"])
    assert tsa.requests and token_der
    result = verify_jades(
        sealed, trust_anchors=[EC_SEAL.certificate], tsa_trust_anchors=[tsa.certificate], now=NOW + timedelta(days=2),
        require_timestamp=True,
    )
    assert result.valid, result.failed
    assert result.level == "B-T" and result.timestamp_time == tsa.now
    assert "trusted TSA" in result.check("timestamp").reason


def test_timestamp_from_another_seal_is_reported():
    tsa = local_tsa.LocalTimestampAuthority(SIGNED_AT)
    client = TimestampClient("https://tsa.invalid", tsa.http_post)
    one = seal_jades(PAYLOAD, EC_SEAL, signing_time=SIGNED_AT, timestamp_client=client)
    other = seal_jades(PAYLOAD + b" ", EC_SEAL, signing_time=SIGNED_AT, timestamp_client=client)
    one["signatures"][0]["header"] = other["signatures"][0]["header"]
    result = verify_jades(one, trust_anchors=[EC_SEAL.certificate], now=NOW + timedelta(days=1))
    assert result.check("signature").passed
    assert not result.check("timestamp").passed and "does not cover" in result.check("timestamp").reason


def test_untrusted_tsa_and_missing_required_timestamp_are_reported(ec_sealed):
    tsa = local_tsa.LocalTimestampAuthority(SIGNED_AT)
    sealed = seal_jades(
        PAYLOAD, EC_SEAL, signing_time=SIGNED_AT, timestamp_client=TimestampClient("https://t", tsa.http_post)
    )
    stranger = local_tsa.LocalTimestampAuthority(SIGNED_AT).certificate
    result = verify_jades(sealed, trust_anchors=[EC_SEAL.certificate], tsa_trust_anchors=[stranger], now=SIGNED_AT)
    assert not result.check("timestamp").passed and "TSA not trusted" in result.check("timestamp").reason
    bare = verify_jades(ec_sealed, trust_anchors=[EC_SEAL.certificate], now=SIGNED_AT, require_timestamp=True)
    assert not bare.check("timestamp").passed


@settings(max_examples=80, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
        max_leaves=10,
    )
)
def test_verify_never_raises_on_junk(junk):
    result = verify_jades({"payload": "x", "signatures": [junk]}, trust_anchors=[], now=LATER)
    assert not result.valid
    assert [check.name for check in result.checks] == list(CHECK_NAMES)


@pytest.mark.parametrize("sealed", ["not json", b"[1]", {"payload": "x"}, {"payload": 1, "signatures": []}])
def test_malformed_documents_fail_the_structure_check(sealed):
    result = verify_jades(sealed, trust_anchors=[], now=LATER)
    assert not result.check("structure").passed and not result.valid


def test_extract_payload_refuses_malformed_documents():
    with pytest.raises(JadesFormatError):
        extract_payload({"payload": "x", "signatures": [{}, {}]})


def test_sealing_refuses_bad_input():
    with pytest.raises(JadesPayloadError, match="UTF-8"):
        seal_jades(b"\xff\xfe", EC_SEAL, signing_time=SIGNED_AT)
    with pytest.raises(JadesError, match="timezone-aware"):
        seal_jades(PAYLOAD, EC_SEAL, signing_time=datetime(2025, 3, 1, 13))
    with pytest.raises(JadesError, match="validity"):
        seal_jades(PAYLOAD, EC_SEAL, signing_time=NOW - timedelta(days=1))
    with pytest.raises(JadesError, match="does not fit"):
        seal_jades(PAYLOAD, EC_SEAL, signing_time=SIGNED_AT, algorithm="RS256")


def test_error_messages_never_contain_key_material(ec_sealed):
    secret = str(EC_SEAL.private_key.private_numbers().private_value)
    with pytest.raises(JadesError) as raised:
        seal_jades(PAYLOAD, EC_SEAL, signing_time=SIGNED_AT, algorithm="PS256")
    assert secret not in str(raised.value)
    result = verify_jades(ec_sealed, trust_anchors=[], now=LATER)
    assert all(secret not in check.reason for check in result.checks)

"""Tests for mc_lms_bridge.crypto.jws: OB 3.0 VC-JWT encoding and checked decoding."""

import base64
import copy
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mc_lms_bridge.crypto.jws import (
    CHECK_NAMES,
    KeyResolutionError,
    VcJwtEncodingError,
    decode_vc_jwt,
    encode_vc_jwt,
)
from mc_lms_bridge.crypto.keys import (
    EDDSA,
    ES256,
    RS256,
    EncryptedBlobBackend,
    derive_kek,
    generate_private_key,
    public_jwk,
    sign,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "jws"
ISSUER = "https://lms.example.edu/issuers/1"
KID = "https://lms.example.edu/issuers/1#key-1"
NOW = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)
CREDENTIAL = {
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "id": "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": ISSUER, "type": ["Profile"], "name": "Example University"},
    "validFrom": "2025-06-30T00:00:00Z",
    "name": "Data Literacy micro-credential",
    "credentialSubject": {"id": "did:example:learner-1", "type": ["AchievementSubject"]},
}
NBF = 1751241600  # 2025-06-30T00:00:00Z


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segments(token: str) -> list:
    return [json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))) for p in token.split(".")[:2]]


def _raw_token(header: dict, payload: dict, private_key, alg: str) -> str:
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"
    return f"{signing_input}.{_b64(sign(private_key, signing_input.encode(), alg))}"


@pytest.fixture(scope="module")
def keys():
    return {alg: generate_private_key(alg) for alg in (EDDSA, RS256, ES256)}


def _by_kid(private_key):
    def resolve(header, payload):
        return private_key.public_key() if header.get("kid") == KID else None
    return resolve


@pytest.mark.parametrize("alg", [RS256, ES256, EDDSA])
def test_round_trip_with_kid(keys, alg):
    token = encode_vc_jwt(CREDENTIAL, private_key=keys[alg], alg=alg, kid=KID)
    header, payload = _segments(token)
    assert header == {"alg": alg, "typ": "JWT", "kid": KID}
    assert payload == {**CREDENTIAL, "iss": ISSUER, "jti": CREDENTIAL["id"], "nbf": NBF,
                       "sub": "did:example:learner-1"}
    result = decode_vc_jwt(token, resolve_public_key=_by_kid(keys[alg]), now=NOW)
    assert result.ok, result.failed
    assert tuple(check.name for check in result.checks) == CHECK_NAMES
    assert result.credential == CREDENTIAL


def test_round_trip_with_embedded_public_jwk(keys):
    token = encode_vc_jwt(CREDENTIAL, private_key=keys[RS256], alg=RS256)
    header, _ = _segments(token)
    assert set(header) == {"alg", "typ", "jwk"} and "d" not in header["jwk"]
    trusted = {ISSUER: public_jwk(keys[RS256])}

    def resolve(header, payload):  # trust the embedded jwk only if it is the issuer's known key
        return header["jwk"] if header.get("jwk") == trusted.get(payload.get("iss")) else None

    assert decode_vc_jwt(token, resolve_public_key=resolve, now=NOW).ok


def test_signer_callback_with_encrypted_blob_backend():
    store = {}
    backend = EncryptedBlobBackend(kek=derive_kek("s" * 40), load_blob=store.get,
                                   store_blob=store.__setitem__)
    key_ref, jwk = backend.generate(ES256)
    token = encode_vc_jwt(CREDENTIAL, alg=ES256, kid=KID, signer=lambda data: backend.sign(key_ref, data))
    result = decode_vc_jwt(token, resolve_public_key=lambda h, p: jwk, now=NOW)
    assert result.ok, result.failed


def test_valid_until_becomes_exp_and_expiry_is_flagged(keys):
    credential = dict(CREDENTIAL, validUntil="2025-07-01T00:00:00Z")
    token = encode_vc_jwt(credential, private_key=keys[ES256], alg=ES256, kid=KID)
    assert _segments(token)[1]["exp"] == NBF + 86400
    resolve = _by_kid(keys[ES256])
    assert decode_vc_jwt(token, resolve_public_key=resolve, now=datetime(2025, 6, 30, 12, tzinfo=UTC)).ok
    late = decode_vc_jwt(token, resolve_public_key=resolve, now=NOW)
    assert not late.ok and [c.name for c in late.failed] == ["exp"]
    assert "expired" in late.check("exp").reason


def test_not_yet_valid_is_flagged_with_leeway(keys):
    token = encode_vc_jwt(CREDENTIAL, private_key=keys[ES256], alg=ES256, kid=KID)
    resolve = _by_kid(keys[ES256])
    issued = datetime(2025, 6, 30, tzinfo=UTC)
    early = decode_vc_jwt(token, resolve_public_key=resolve, now=issued - timedelta(seconds=61))
    assert [c.name for c in early.failed] == ["nbf"] and "not yet valid" in early.check("nbf").reason
    assert decode_vc_jwt(token, resolve_public_key=resolve, now=issued - timedelta(seconds=59)).ok
    strict = decode_vc_jwt(token, resolve_public_key=resolve, now=issued - timedelta(seconds=1),
                           leeway_seconds=0)
    assert not strict.check("nbf").passed


def _swap_segment(token: str, index: int, new_value) -> str:
    parts = token.split(".")
    parts[index] = new_value if isinstance(new_value, str) else _b64(json.dumps(new_value).encode())
    return ".".join(parts)


def test_tampered_payload_header_and_signature_fail(keys):
    token = encode_vc_jwt(CREDENTIAL, private_key=keys[RS256], alg=RS256, kid=KID)
    header, payload = _segments(token)
    resolve = _by_kid(keys[RS256])
    forged_payload = _swap_segment(token, 1, dict(payload, name="Forged degree"))
    forged_header = _swap_segment(token, 0, _b64(json.dumps(header, indent=1).encode()))  # same members
    signature = bytearray(base64.urlsafe_b64decode(token.split(".")[2] + "=="))
    signature[0] ^= 1
    forged_signature = _swap_segment(token, 2, _b64(bytes(signature)))
    for forged in (forged_payload, forged_header, forged_signature):
        result = decode_vc_jwt(forged, resolve_public_key=resolve, now=NOW)
        assert not result.ok
        assert result.check("signature").reason == "The RS256 signature does not verify."


def test_alg_none_is_refused_without_resolving_a_key(keys):
    calls = []
    token = _b64(json.dumps({"alg": "none", "typ": "JWT", "kid": KID}).encode()) + "."
    token += _b64(json.dumps(dict(CREDENTIAL, iss=ISSUER)).encode()) + "."
    result = decode_vc_jwt(token, resolve_public_key=lambda h, p: calls.append(h), now=NOW)
    assert result.check("format").passed
    assert not result.check("alg").passed and "'none' is not allowed" in result.check("alg").reason
    assert result.check("signature").reason.startswith("Skipped")
    assert calls == [] and not result.ok


def test_hs256_with_public_key_as_secret_is_refused(keys):
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": KID}).encode())
    payload = _b64(json.dumps(dict(CREDENTIAL, iss=ISSUER, jti=CREDENTIAL["id"], nbf=NBF)).encode())
    secret = json.dumps(public_jwk(keys[RS256])).encode()
    mac = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    token = f"{header}.{payload}.{_b64(mac)}"
    result = decode_vc_jwt(token, resolve_public_key=_by_kid(keys[RS256]), now=NOW)
    assert not result.ok
    assert "'HS256' is not allowed" in result.check("alg").reason
    assert not result.check("signature").passed


@pytest.mark.parametrize(
    "token",
    ["", "a.b", "a.b.c.d", "!!!.e30.AA", "e30.e30.A=", "bm90IGpzb24.e30.AA", "W10.e30.AA",
     _b64(b'{"alg":"RS256","alg":"none"}') + ".e30.AA", "e30." + _b64(b"\xff\xfe") + ".AA", None, 42,
     "e30." + _b64(b'{"nbf":NaN}') + ".AA", "e30." + _b64(b"[" * 100_000 + b"]" * 100_000) + ".AA"],
)
def test_malformed_tokens_fail_the_format_check_and_skip_the_rest(token):
    result = decode_vc_jwt(token, resolve_public_key=lambda h, p: None, now=NOW)
    assert not result.ok and not result.check("format").passed
    assert tuple(c.name for c in result.checks) == CHECK_NAMES
    assert all(c.reason.startswith("Skipped") for c in result.checks[1:])
    assert result.header is None and result.credential is None


@settings(max_examples=200)
@given(st.text(alphabet="abcXYZ019-_.=+/ {}\"", max_size=80))
def test_decoding_never_raises_on_arbitrary_text(token):
    assert not decode_vc_jwt(token, resolve_public_key=lambda h, p: None, now=NOW).ok


def test_claims_disagreeing_with_credential_fail(keys):
    payload = dict(CREDENTIAL, iss="https://evil.example/issuer", jti=CREDENTIAL["id"], nbf=NBF + 1,
                   sub="did:example:someone-else")
    token = _raw_token({"alg": ES256, "typ": "JWT", "kid": KID}, payload, keys[ES256], ES256)
    result = decode_vc_jwt(token, resolve_public_key=_by_kid(keys[ES256]), now=NOW)
    assert result.check("signature").passed and not result.check("claims").passed
    reason = result.check("claims").reason
    for claim in ("iss", "nbf", "sub"):
        assert f"{claim} does not match" in reason
    assert "jti" not in reason


def test_missing_required_claims_fail(keys):
    token = _raw_token({"alg": ES256, "kid": KID}, CREDENTIAL, keys[ES256], ES256)
    result = decode_vc_jwt(token, resolve_public_key=_by_kid(keys[ES256]), now=NOW)
    assert result.check("typ").passed  # typ is optional
    assert "claim iss is missing" in result.check("claims").reason
    assert not result.check("nbf").passed


def test_extra_header_members_and_wrong_typ_fail(keys):
    payload = dict(CREDENTIAL, iss=ISSUER, jti=CREDENTIAL["id"], nbf=NBF, sub="did:example:learner-1")
    token = _raw_token({"alg": ES256, "typ": "vc+jwt", "kid": KID, "cty": "vc"}, payload, keys[ES256], ES256)
    result = decode_vc_jwt(token, resolve_public_key=_by_kid(keys[ES256]), now=NOW)
    assert [c.name for c in result.failed] == ["header", "typ"]
    assert "['cty']" in result.check("header").reason


def test_private_jwk_in_header_fails(keys):
    jwk = dict(public_jwk(keys[EDDSA]), d="AAAA")
    payload = dict(CREDENTIAL, iss=ISSUER, jti=CREDENTIAL["id"], nbf=NBF, sub="did:example:learner-1")
    token = _raw_token({"alg": EDDSA, "typ": "JWT", "jwk": jwk}, payload, keys[EDDSA], EDDSA)
    result = decode_vc_jwt(token, resolve_public_key=lambda h, p: None, now=NOW)
    assert "private key member" in result.check("header").reason


def test_resolver_errors_and_wrong_key_type_are_reported(keys):
    token = encode_vc_jwt(CREDENTIAL, private_key=keys[ES256], alg=ES256, kid=KID)

    def failing(header, payload):
        raise KeyResolutionError("kid is not in the issuer's key set")

    result = decode_vc_jwt(token, resolve_public_key=failing, now=NOW)
    assert "not in the issuer's key set" in result.check("key").reason
    result = decode_vc_jwt(token, resolve_public_key=lambda h, p: {"kty": "oct", "k": "AA"}, now=NOW)
    assert "Unsupported JWK" in result.check("key").reason
    result = decode_vc_jwt(token, resolve_public_key=lambda h, p: keys[RS256].public_key(), now=NOW)
    assert result.check("signature").reason == "A RS256 key cannot check an ES256 signature."


def test_legacy_vc_claim_payload_is_accepted(keys):
    legacy = {"@context": ["https://www.w3.org/2018/credentials/v1"], "id": "http://example.edu/credentials/1",
              "type": ["VerifiableCredential"], "issuer": ISSUER, "issuanceDate": "2025-06-30T00:00:00Z",
              "expirationDate": "2030-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:learner-1"}}
    payload = {"vc": legacy, "iss": ISSUER, "jti": legacy["id"], "nbf": NBF, "exp": 1893456000,
               "sub": "did:example:learner-1"}
    token = _raw_token({"alg": RS256, "typ": "JWT", "kid": KID}, payload, keys[RS256], RS256)
    result = decode_vc_jwt(token, resolve_public_key=_by_kid(keys[RS256]), now=NOW)
    assert result.ok, result.failed
    assert result.credential == legacy


def test_sample_jwt_copy_is_the_published_bytes():
    digest = hashlib.sha256((DATA / "1edtech-validator-ob30-simple.jwt").read_bytes()).hexdigest()
    assert digest == "5b36be2ace93b7ac1f78a8430fc4afac6c773a23838ebed2562d9e1a7d1282f0"


def test_1edtech_sample_jwt_decodes_with_spec_claims():
    token = (DATA / "1edtech-validator-ob30-simple.jwt").read_text(encoding="ascii").strip()
    seen = []
    result = decode_vc_jwt(token, resolve_public_key=lambda h, p: seen.append((h, p)), now=NOW)
    assert result.header == {"alg": "RS256", "typ": "JWT"}
    assert set(result.payload) == {"vc", "iss", "nbf", "jti", "sub"}
    assert result.payload["nbf"] == 1262304000  # = vc.issuanceDate 2010-01-01T00:00:00Z
    assert result.credential["issuer"]["id"] == result.payload["iss"] == "https://example.edu/issuers/565049"
    assert result.check("format").passed and result.check("alg").passed and result.check("typ").passed
    assert result.check("claims").passed and result.check("nbf").passed and result.check("exp").passed
    # The sample names no key (neither kid nor jwk), so its signature cannot be checked offline.
    assert result.check("header").reason == "The header has neither kid nor jwk naming the key."
    assert not result.check("key").passed and not result.ok
    assert seen and seen[0][0] == result.header


@pytest.mark.parametrize(
    "changes, kwargs, message",
    [
        ({"id": None}, {}, "an id"),
        ({"issuer": {"name": "no id"}}, {}, "an issuer id"),
        ({"validFrom": "2025-06-30T00:00:00"}, {}, "validFrom"),
        ({"validUntil": "soon"}, {}, "validUntil"),
        ({"iss": ISSUER}, {}, "already has JWT claim names"),
        ({}, {"alg": "HS256"}, "HS256"),
        ({}, {"alg": ES256}, "cannot sign with ES256"),
        ({}, {"signer": lambda data: b""}, "exactly one"),
        ({}, {"private_key": None, "signer": lambda data: b"", "kid": None}, "public jwk"),
        ({}, {"kid": None, "jwk": {"kty": "RSA", "n": "AA", "e": "AQAB", "d": "AA"}}, "without 'd'"),
        ({}, {"kid": None, "jwk": {"kty": "RSA", "n": "AA", "e": "AQAB"}}, "not the public half"),
    ],
)
def test_encoding_rejects_bad_input(keys, changes, kwargs, message):
    credential = copy.deepcopy(CREDENTIAL)
    credential.update({k: v for k, v in changes.items() if v is not None})
    for name in (k for k, v in changes.items() if v is None):
        credential.pop(name)
    arguments = {"private_key": keys[RS256], "alg": RS256, "kid": KID} | kwargs
    with pytest.raises(VcJwtEncodingError, match=message):
        encode_vc_jwt(credential, **arguments)

"""Tests for mc_lms_bridge.crypto.keys: generation, JWK/Multikey export, signatures, sealing at rest."""

import base64
import pickle

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from mc_lms_bridge.crypto.keys import (
    EDDSA,
    ES256,
    RS256,
    EncryptedBlobBackend,
    InvalidJwkError,
    KeyBackend,
    KeyDecryptionError,
    KeyEncryptionKeyError,
    KeyNotFoundError,
    SecretKeyHandle,
    UnsupportedKeyAlgorithmError,
    algorithm_for_key,
    derive_kek,
    ed25519_public_multikey,
    generate_private_key,
    open_private_key,
    public_jwk,
    public_key_from_jwk,
    seal_private_key,
    sign,
    verify_signature,
)

SECRET = "a-long-django-secret-key-used-only-in-these-tests-0123456789"
# W3C vc-di-eddsa TestVectors/keyPair.json: privateKeyMultibase decoded (0x8026 header removed) and
# its publicKeyMultibase, so Multikey export is checked against the published pair.
W3C_SEED_HEX = "c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6"
W3C_PUBLIC_MULTIBASE = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
# RFC 7515 Appendix A.3: ES256 JWS example (public JWK, signing input and raw r||s signature).
RFC7515_A3_JWK = {"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                  "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}
RFC7515_A3_INPUT = ("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
                    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ")
RFC7515_A3_SIGNATURE = ("DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-"
                        "Kg6NU1Q")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.fixture(scope="module")
def keys():
    return {alg: generate_private_key(alg) for alg in (EDDSA, RS256, ES256)}


def test_generated_key_types(keys):
    assert isinstance(keys[EDDSA], ed25519.Ed25519PrivateKey)
    assert isinstance(keys[RS256], rsa.RSAPrivateKey) and keys[RS256].key_size >= 2048
    assert isinstance(keys[ES256], ec.EllipticCurvePrivateKey) and keys[ES256].curve.name == "secp256r1"
    assert {alg: algorithm_for_key(key) for alg, key in keys.items()} == {a: a for a in keys}


def test_generate_rejects_unknown_algorithm_and_small_rsa():
    with pytest.raises(UnsupportedKeyAlgorithmError, match="HS256"):
        generate_private_key("HS256")
    with pytest.raises(UnsupportedKeyAlgorithmError, match="2048"):
        generate_private_key(RS256, rsa_bits=1024)


@pytest.mark.parametrize("alg, members", [(EDDSA, {"kty", "crv", "x", "kid"}),
                                          (RS256, {"kty", "n", "e", "kid"}),
                                          (ES256, {"kty", "crv", "x", "y", "kid"})])
def test_public_jwk_has_only_public_members_and_round_trips(keys, alg, members):
    jwk = public_jwk(keys[alg], kid="https://issuer.example/keys/1")
    assert set(jwk) == members
    assert jwk["kid"] == "https://issuer.example/keys/1"
    assert public_jwk(public_key_from_jwk(jwk)) == {k: v for k, v in jwk.items() if k != "kid"}


def test_rsa_jwk_exponent_and_ec_coordinates_are_encoded_per_rfc7518(keys):
    assert public_jwk(keys[RS256])["e"] == "AQAB"
    ec_jwk = public_jwk(keys[ES256])
    assert len(_b64decode(ec_jwk["x"])) == 32 and len(_b64decode(ec_jwk["y"])) == 32


@pytest.mark.parametrize(
    "jwk, message",
    [
        ({"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA", "d": "AA"}, "private key members"),
        ({"kty": "oct", "k": "AAAA"}, "Unsupported JWK"),
        ({"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA"}, "Unsupported JWK"),
        ({"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}, "32 bytes"),
        ({"kty": "EC", "crv": "P-256", "x": "A" * 43, "y": "B" * 43}, "valid EC public key"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AAA="}, "unpadded base64url"),
        ({"kty": "RSA", "n": "AQAB", "e": "AQAB"}, "valid RSA public key"),
        ("not a dict", "JSON object"),
    ],
)
def test_public_key_from_jwk_rejects_bad_jwks(jwk, message):
    with pytest.raises(InvalidJwkError, match=message):
        public_key_from_jwk(jwk)


def test_public_key_from_jwk_rejects_1024_bit_rsa():
    numbers = rsa.generate_private_key(public_exponent=65537, key_size=1024).public_key().public_numbers()
    jwk = {"kty": "RSA", "n": base64.urlsafe_b64encode(numbers.n.to_bytes(128, "big")).rstrip(b"=").decode(),
           "e": "AQAB"}
    with pytest.raises(InvalidJwkError, match="at least 2048 bits"):
        public_key_from_jwk(jwk)


def test_ed25519_multikey_matches_w3c_key_pair():
    private = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(W3C_SEED_HEX))
    assert ed25519_public_multikey(private) == W3C_PUBLIC_MULTIBASE
    assert ed25519_public_multikey(private.public_key()) == W3C_PUBLIC_MULTIBASE


def test_multikey_refuses_non_ed25519(keys):
    with pytest.raises(UnsupportedKeyAlgorithmError):
        ed25519_public_multikey(keys[ES256])


@pytest.mark.parametrize("alg", [EDDSA, RS256, ES256])
def test_sign_and_verify_each_algorithm(keys, alg):
    signature = sign(keys[alg], b"payload", alg)
    public = keys[alg].public_key()
    assert verify_signature(public, signature, b"payload", alg)
    assert not verify_signature(public, signature, b"payloaD", alg)


def test_es256_signature_is_raw_64_bytes_not_der(keys):
    signature = sign(keys[ES256], b"data", ES256)
    assert len(signature) == 64
    assert not verify_signature(keys[ES256].public_key(), signature[:63], b"data", ES256)


def test_rfc7515_a3_es256_example_verifies():
    key = public_key_from_jwk(RFC7515_A3_JWK)
    signature = _b64decode(RFC7515_A3_SIGNATURE)
    assert verify_signature(key, signature, RFC7515_A3_INPUT.encode(), ES256)
    assert not verify_signature(key, signature, RFC7515_A3_INPUT.encode() + b"x", ES256)


def test_sign_refuses_mismatched_key_and_algorithm(keys):
    with pytest.raises(UnsupportedKeyAlgorithmError, match="cannot sign with ES256"):
        sign(keys[RS256], b"data", ES256)
    with pytest.raises(UnsupportedKeyAlgorithmError, match="none"):
        sign(keys[RS256], b"data", "none")
    assert not verify_signature(keys[RS256].public_key(), b"sig", b"data", ES256)


def test_derive_kek_is_deterministic_32_bytes_and_secret_dependent():
    assert derive_kek(SECRET) == derive_kek(SECRET)
    assert len(derive_kek(SECRET)) == 32
    assert derive_kek(SECRET) != derive_kek(SECRET + "x")


@pytest.mark.parametrize("secret", ["short", "", None, b"x" * 40])
def test_derive_kek_rejects_short_or_non_text_secret(secret):
    with pytest.raises(KeyEncryptionKeyError, match="at least 32 characters"):
        derive_kek(secret)


@pytest.mark.parametrize("alg", [EDDSA, RS256, ES256])
def test_seal_and_open_round_trip(keys, alg):
    kek = derive_kek(SECRET)
    blob = seal_private_key(keys[alg], kek, key_id="key-1")
    assert blob[0] == 1
    opened = open_private_key(blob, kek, key_id="key-1")
    assert public_jwk(opened) == public_jwk(keys[alg])
    der = keys[alg].private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    assert der not in blob


def test_sealing_twice_uses_fresh_nonces(keys):
    kek = derive_kek(SECRET)
    assert seal_private_key(keys[EDDSA], kek, key_id="k") != seal_private_key(keys[EDDSA], kek, key_id="k")


def _sealed(keys):
    return seal_private_key(keys[ES256], derive_kek(SECRET), key_id="key-1")


def test_open_with_wrong_kek_fails_without_key_material(keys):
    blob = _sealed(keys)
    with pytest.raises(KeyDecryptionError) as caught:
        open_private_key(blob, derive_kek(SECRET + "other"), key_id="key-1")
    message = str(caught.value)
    assert "wrong key-encryption key" in message
    assert SECRET not in message and blob.hex() not in message and derive_kek(SECRET).hex() not in message


def test_open_with_wrong_key_id_fails(keys):
    with pytest.raises(KeyDecryptionError):
        open_private_key(_sealed(keys), derive_kek(SECRET), key_id="key-2")


@pytest.mark.parametrize("position", [1, 13, -1])
def test_open_tampered_blob_fails(keys, position):
    blob = bytearray(_sealed(keys))
    blob[position] ^= 0x01
    with pytest.raises(KeyDecryptionError):
        open_private_key(bytes(blob), derive_kek(SECRET), key_id="key-1")


def test_open_rejects_unknown_version_and_short_blob(keys):
    blob = _sealed(keys)
    with pytest.raises(KeyDecryptionError, match="format version"):
        open_private_key(b"\x02" + blob[1:], derive_kek(SECRET), key_id="key-1")
    with pytest.raises(KeyDecryptionError, match="too short"):
        open_private_key(blob[:20], derive_kek(SECRET), key_id="key-1")


def test_kek_must_be_32_bytes(keys):
    with pytest.raises(KeyEncryptionKeyError):
        seal_private_key(keys[EDDSA], b"short", key_id="k")
    with pytest.raises(KeyEncryptionKeyError):
        open_private_key(b"\x01" * 40, "not bytes", key_id="k")


def test_secret_key_handle_never_shows_secrets(keys):
    handle = SecretKeyHandle(keys[EDDSA], key_id="key-7")
    raw = keys[EDDSA].private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
    for text in (repr(handle), str(handle), f"{handle}"):
        assert text == "SecretKeyHandle(algorithm='EdDSA', key_id='key-7')"
        assert raw.hex() not in text
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(handle)
    assert verify_signature(keys[EDDSA].public_key(), handle.sign(b"m"), b"m", EDDSA)
    assert handle.public_jwk()["kid"] == "key-7"


def _memory_backend(kek: bytes):
    store: dict[str, bytes] = {}
    counter = iter(range(1, 100))
    backend = EncryptedBlobBackend(kek=kek, load_blob=store.get, store_blob=store.__setitem__,
                                   new_key_ref=lambda: f"ref-{next(counter)}")
    return backend, store


@pytest.mark.parametrize("alg", [EDDSA, RS256, ES256])
def test_encrypted_blob_backend_generates_stores_and_signs(alg):
    kek = derive_kek(SECRET)
    backend, store = _memory_backend(kek)
    assert isinstance(backend, KeyBackend)
    key_ref, jwk = backend.generate(alg)
    assert key_ref == "ref-1" and jwk["kid"] == "ref-1"
    assert set(store) == {"ref-1"}
    assert open_private_key(store["ref-1"], kek, key_id="ref-1")  # the store holds only the sealed blob
    assert backend.public_jwk(key_ref) == jwk
    public = public_key_from_jwk(jwk)
    assert verify_signature(public, backend.sign(key_ref, b"data"), b"data", alg)


def test_encrypted_blob_backend_unknown_ref_and_repr():
    kek = derive_kek(SECRET)
    backend, _ = _memory_backend(kek)
    with pytest.raises(KeyNotFoundError, match="ref-404"):
        backend.sign("ref-404", b"data")
    assert repr(backend) == str(backend) == "EncryptedBlobBackend(kek=<hidden>)"
    assert kek.hex() not in repr(backend)


def test_blob_moved_to_another_ref_does_not_open():
    kek = derive_kek(SECRET)
    backend, store = _memory_backend(kek)
    key_ref, _ = backend.generate(EDDSA)
    store["ref-99"] = store[key_ref]
    with pytest.raises(KeyDecryptionError):
        backend.sign("ref-99", b"data")

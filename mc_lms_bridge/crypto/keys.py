"""Signing keys: generation, public JWK/Multikey export, raw signatures, and AES-GCM encryption at rest.

Private keys only ever leave this module sealed (``seal_private_key``) or wrapped in a
``SecretKeyHandle`` whose repr/str show the algorithm and key id, never key material.
"""

import base64
import os
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

EDDSA = "EdDSA"
RS256 = "RS256"
ES256 = "ES256"
ALGORITHMS = (EDDSA, RS256, ES256)
MIN_RSA_BITS = 2048
MIN_SECRET_CHARS = 32

SEALED_VERSION = b"\x01"
_KEK_INFO = b"mc-lms-bridge/key-encryption-key/v1"
_NONCE_BYTES = 12
_TAG_BYTES = 16
_ED25519_MULTICODEC = b"\xed\x01"
_BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

PrivateKey = ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
PublicKey = ed25519.Ed25519PublicKey | rsa.RSAPublicKey | ec.EllipticCurvePublicKey


class KeyMaterialError(ValueError):
    """Base class for key errors; messages never contain key material."""


class UnsupportedKeyAlgorithmError(KeyMaterialError):
    """The algorithm is not EdDSA, RS256 or ES256, or the key does not fit the algorithm."""


class InvalidJwkError(KeyMaterialError):
    """A JWK is malformed, private, or describes an unsupported or weak key."""


class KeyEncryptionKeyError(KeyMaterialError):
    """The key-encryption secret or key is missing, too short or of the wrong size."""


class KeyDecryptionError(KeyMaterialError):
    """A sealed private key could not be opened (wrong KEK, wrong key id or altered blob)."""


class KeyNotFoundError(KeyMaterialError):
    """The storage callback has no sealed key for the requested key reference."""


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: object, member: str) -> bytes:
    if not isinstance(text, str) or not text or "=" in text:
        raise InvalidJwkError(f"JWK member {member!r} must be unpadded base64url text.")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise InvalidJwkError(f"JWK member {member!r} is not valid base64url.") from None


def _uint_bytes(value: int, length: int | None = None) -> bytes:
    return value.to_bytes(length or max(1, (value.bit_length() + 7) // 8), "big")


def generate_private_key(algorithm: str, *, rsa_bits: int = MIN_RSA_BITS) -> PrivateKey:
    """Return a new private key for ``algorithm``: Ed25519 (EdDSA), RSA >= 2048 (RS256) or P-256 (ES256)."""
    if algorithm == EDDSA:
        return ed25519.Ed25519PrivateKey.generate()
    if algorithm == RS256:
        if rsa_bits < MIN_RSA_BITS:
            raise UnsupportedKeyAlgorithmError(f"RSA keys must have at least {MIN_RSA_BITS} bits.")
        return rsa.generate_private_key(public_exponent=65537, key_size=rsa_bits)
    if algorithm == ES256:
        return ec.generate_private_key(ec.SECP256R1())
    raise UnsupportedKeyAlgorithmError(f"Unsupported algorithm {algorithm!r}; use one of {ALGORITHMS}.")


def algorithm_for_key(key: PrivateKey | PublicKey) -> str:
    """Return the JOSE algorithm a private or public key signs with (EdDSA, RS256 or ES256)."""
    if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return EDDSA
    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        if key.key_size < MIN_RSA_BITS:
            raise UnsupportedKeyAlgorithmError(f"RSA keys must have at least {MIN_RSA_BITS} bits.")
        return RS256
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        if isinstance(key.curve, ec.SECP256R1):
            return ES256
        raise UnsupportedKeyAlgorithmError("Only the P-256 elliptic curve is supported.")
    raise UnsupportedKeyAlgorithmError("Unsupported key type; use Ed25519, RSA or P-256 keys.")


def _public(key: PrivateKey | PublicKey) -> PublicKey:
    return key.public_key() if hasattr(key, "public_key") else key


def public_jwk(key: PrivateKey | PublicKey, *, kid: str | None = None) -> dict:
    """Return the public JWK (kty/crv/x/y or kty/n/e, plus kid if given); never includes ``d``."""
    algorithm = algorithm_for_key(key)
    public = _public(key)
    if algorithm == EDDSA:
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        jwk = {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}
    elif algorithm == RS256:
        numbers = public.public_numbers()
        jwk = {"kty": "RSA", "n": _b64url(_uint_bytes(numbers.n)), "e": _b64url(_uint_bytes(numbers.e))}
    else:
        numbers = public.public_numbers()
        jwk = {"kty": "EC", "crv": "P-256", "x": _b64url(_uint_bytes(numbers.x, 32)),
               "y": _b64url(_uint_bytes(numbers.y, 32))}
    if kid is not None:
        jwk["kid"] = kid
    return jwk


def public_key_from_jwk(jwk: dict) -> PublicKey:
    """Return the public key described by a public JWK (OKP/Ed25519, RSA >= 2048, EC/P-256)."""
    if not isinstance(jwk, dict):
        raise InvalidJwkError("A JWK must be a JSON object.")
    if "d" in jwk or "p" in jwk or "q" in jwk:
        raise InvalidJwkError("The JWK contains private key members; only public JWKs are accepted.")
    kty = jwk.get("kty")
    try:
        if kty == "OKP" and jwk.get("crv") == "Ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(_b64url_decode(jwk.get("x"), "x"))
        if kty == "RSA":
            n = int.from_bytes(_b64url_decode(jwk.get("n"), "n"), "big")
            e = int.from_bytes(_b64url_decode(jwk.get("e"), "e"), "big")
            key = rsa.RSAPublicNumbers(e, n).public_key()
            if key.key_size < MIN_RSA_BITS:
                raise InvalidJwkError(f"RSA JWKs must describe keys of at least {MIN_RSA_BITS} bits.")
            return key
        if kty == "EC" and jwk.get("crv") == "P-256":
            x = _b64url_decode(jwk.get("x"), "x")
            y = _b64url_decode(jwk.get("y"), "y")
            if len(x) != 32 or len(y) != 32:
                raise InvalidJwkError("P-256 JWK coordinates must be 32 bytes each.")
            return ec.EllipticCurvePublicNumbers(
                int.from_bytes(x, "big"), int.from_bytes(y, "big"), ec.SECP256R1()
            ).public_key()
    except (ValueError, UnsupportedAlgorithm) as exc:
        if isinstance(exc, KeyMaterialError):
            raise
        raise InvalidJwkError(f"The JWK does not describe a valid {kty} public key.") from None
    raise InvalidJwkError(f"Unsupported JWK key type {kty!r} / curve {jwk.get('crv')!r}.")


def _base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = ""
    while number:
        number, remainder = divmod(number, 58)
        digits = _BASE58_ALPHABET[remainder] + digits
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + digits


def ed25519_public_multikey(key: ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey) -> str:
    """Return the Multikey ``publicKeyMultibase`` (z + base58btc(0xed01 || raw key)) of an Ed25519 key."""
    if algorithm_for_key(key) != EDDSA:
        raise UnsupportedKeyAlgorithmError("Multikey export is only defined here for Ed25519 keys.")
    raw = _public(key).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + _base58btc(_ED25519_MULTICODEC + raw)


def sign(private_key: PrivateKey, data: bytes, alg: str) -> bytes:
    """Sign ``data``: EdDSA (Ed25519), RS256 (PKCS#1 v1.5 SHA-256) or ES256 (raw r||s, 64 bytes)."""
    if alg not in ALGORITHMS:
        raise UnsupportedKeyAlgorithmError(f"Unsupported signing algorithm {alg!r}; use one of {ALGORITHMS}.")
    if not hasattr(private_key, "public_key") or algorithm_for_key(private_key) != alg:
        raise UnsupportedKeyAlgorithmError(f"The private key cannot sign with {alg}.")
    if alg == EDDSA:
        return private_key.sign(data)
    if alg == RS256:
        return private_key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    r, s = decode_dss_signature(private_key.sign(data, ec.ECDSA(hashes.SHA256())))
    return _uint_bytes(r, 32) + _uint_bytes(s, 32)


def verify_signature(public_key: PublicKey, signature: bytes, data: bytes, alg: str) -> bool:
    """Return True when ``signature`` over ``data`` verifies with ``public_key`` under ``alg``."""
    if alg not in ALGORITHMS or algorithm_for_key(public_key) != alg:
        return False
    try:
        if alg == EDDSA:
            public_key.verify(signature, data)
        elif alg == RS256:
            public_key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            if len(signature) != 64:
                return False
            r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            public_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def derive_kek(secret: str) -> bytes:
    """Derive a 32-byte AES-256 key-encryption key from a long secret with HKDF-SHA256 (fixed label)."""
    if not isinstance(secret, str) or len(secret) < MIN_SECRET_CHARS:
        raise KeyEncryptionKeyError(
            f"The key-encryption secret must be a string of at least {MIN_SECRET_CHARS} characters."
        )
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_KEK_INFO)
    return hkdf.derive(secret.encode("utf-8"))


def _check_kek(kek: bytes) -> AESGCM:
    if not isinstance(kek, bytes) or len(kek) != 32:
        raise KeyEncryptionKeyError("The key-encryption key must be exactly 32 bytes.")
    return AESGCM(kek)


def _associated_data(key_id: str) -> bytes:
    if not isinstance(key_id, str) or not key_id:
        raise KeyMaterialError("The key id must be a non-empty string.")
    return SEALED_VERSION + key_id.encode("utf-8")


def seal_private_key(private_key: PrivateKey, kek: bytes, *, key_id: str) -> bytes:
    """Encrypt a private key (PKCS#8 DER) with AES-256-GCM; the key id is bound as associated data.

    Blob layout: version byte 0x01 || 12-byte random nonce || ciphertext || 16-byte tag.
    """
    _check_sealable(private_key)
    aead = _check_kek(kek)
    der = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    nonce = os.urandom(_NONCE_BYTES)
    return SEALED_VERSION + nonce + aead.encrypt(nonce, der, _associated_data(key_id))


def open_private_key(blob: bytes, kek: bytes, *, key_id: str) -> PrivateKey:
    """Decrypt a blob made by ``seal_private_key``; any mismatch raises ``KeyDecryptionError``."""
    aead = _check_kek(kek)
    associated_data = _associated_data(key_id)
    if not isinstance(blob, bytes) or len(blob) < 1 + _NONCE_BYTES + _TAG_BYTES:
        raise KeyDecryptionError("The sealed private key is too short to be a sealed key blob.")
    if blob[:1] != SEALED_VERSION:
        raise KeyDecryptionError("The sealed private key has an unknown format version.")
    nonce, ciphertext = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
    try:
        der = aead.decrypt(nonce, ciphertext, associated_data)
    except InvalidTag:
        raise KeyDecryptionError(
            "The sealed private key could not be decrypted: wrong key-encryption key, wrong key id,"
            " or altered blob."
        ) from None
    try:
        key = serialization.load_der_private_key(der, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise KeyDecryptionError("The decrypted blob is not a PKCS#8 private key.") from None
    _check_sealable(key)
    return key


def _check_sealable(key) -> None:
    """Keys we keep at rest: signing keys (Ed25519, RSA 2048+, P-256) and e-seal keys (also P-384/P-521)."""
    if isinstance(key, ec.EllipticCurvePrivateKey) and isinstance(key.curve, ec.SECP384R1 | ec.SECP521R1):
        return
    algorithm_for_key(key)


class SecretKeyHandle:
    """A private key with its algorithm and key id; repr/str never reveal key material, no pickling."""

    __slots__ = ("_private_key", "algorithm", "key_id")

    def __init__(self, private_key: PrivateKey, *, key_id: str):
        self._private_key = private_key
        self.algorithm = algorithm_for_key(private_key)
        self.key_id = key_id

    @property
    def private_key(self) -> PrivateKey:
        """The wrapped private key object (for signing code only)."""
        return self._private_key

    def sign(self, data: bytes) -> bytes:
        """Sign ``data`` with the handle's own algorithm."""
        return sign(self._private_key, data, self.algorithm)

    def public_jwk(self) -> dict:
        """The public JWK, with ``kid`` set to the handle's key id."""
        return public_jwk(self._private_key, kid=self.key_id)

    def __repr__(self) -> str:
        return f"SecretKeyHandle(algorithm={self.algorithm!r}, key_id={self.key_id!r})"

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("SecretKeyHandle cannot be pickled; store sealed blobs instead.")


@runtime_checkable
class KeyBackend(Protocol):
    """Contract for key plug-ins: keys are addressed by a string ``key_ref``; private keys stay inside.

    - ``generate(algorithm) -> (key_ref, public_jwk)``: create and persist a key for EdDSA/RS256/ES256.
    - ``sign(key_ref, data) -> bytes``: sign with the key's own algorithm (ES256 as raw r||s).
    - ``public_jwk(key_ref) -> dict``: the public JWK with ``kid`` = ``key_ref``.
    Unknown key refs raise ``KeyNotFoundError``.
    """

    def generate(self, algorithm: str) -> tuple[str, dict]:
        """Create a key for ``algorithm`` and return its reference and public JWK."""

    def sign(self, key_ref: str, data: bytes) -> bytes:
        """Sign ``data`` with the referenced key."""

    def public_jwk(self, key_ref: str) -> dict:
        """Return the public JWK of the referenced key."""


def _random_key_ref() -> str:
    return "key-" + os.urandom(16).hex()


class EncryptedBlobBackend:
    """KeyBackend that keeps AES-GCM sealed PKCS#8 blobs through storage callbacks (no I/O of its own)."""

    def __init__(
        self,
        *,
        kek: bytes,
        load_blob: Callable[[str], bytes | None],
        store_blob: Callable[[str, bytes], None],
        new_key_ref: Callable[[], str] = _random_key_ref,
    ):
        _check_kek(kek)
        self._kek = kek
        self._load_blob = load_blob
        self._store_blob = store_blob
        self._new_key_ref = new_key_ref

    def __repr__(self) -> str:
        return "EncryptedBlobBackend(kek=<hidden>)"

    __str__ = __repr__

    def generate(self, algorithm: str) -> tuple[str, dict]:
        """Create a key, store its sealed blob under a new key ref, return (key_ref, public JWK)."""
        private_key = generate_private_key(algorithm)
        key_ref = self._new_key_ref()
        self._store_blob(key_ref, seal_private_key(private_key, self._kek, key_id=key_ref))
        return key_ref, public_jwk(private_key, kid=key_ref)

    def handle(self, key_ref: str) -> SecretKeyHandle:
        """Open the referenced key into a ``SecretKeyHandle``."""
        blob = self._load_blob(key_ref)
        if blob is None:
            raise KeyNotFoundError(f"No sealed key is stored for key ref {key_ref!r}.")
        return SecretKeyHandle(open_private_key(blob, self._kek, key_id=key_ref), key_id=key_ref)

    def sign(self, key_ref: str, data: bytes) -> bytes:
        """Sign ``data`` with the referenced key's own algorithm."""
        return self.handle(key_ref).sign(data)

    def public_jwk(self, key_ref: str) -> dict:
        """Return the referenced key's public JWK (kid = key_ref)."""
        return self.handle(key_ref).public_jwk()

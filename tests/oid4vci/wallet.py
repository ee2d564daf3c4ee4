"""A minimal test wallet written from the OpenID4VCI 1.0 text: its own keys, DIDs and proof JWTs (no server code)."""

from __future__ import annotations

import base64
import json
import time

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

PROOF_TYP = "openid4vci-proof+jwt"
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64json(value: dict) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def base58btc(data: bytes) -> str:
    number, digits = int.from_bytes(data, "big"), ""
    while number:
        number, rest = divmod(number, 58)
        digits = _B58[rest] + digits
    return "z" + "1" * (len(data) - len(data.lstrip(b"\0"))) + digits


class Wallet:
    """A holder with one key (ES256 on P-256, or EdDSA on Ed25519) bound by jwk, did:key or did:jwk."""

    def __init__(self, alg: str, binding: str):
        self.alg, self.binding = alg, binding
        self.key = ec.generate_private_key(ec.SECP256R1()) if alg == "ES256" else ed25519.Ed25519PrivateKey.generate()

    @property
    def jwk(self) -> dict:
        public = self.key.public_key()
        if self.alg == "EdDSA":
            return {"kty": "OKP", "crv": "Ed25519", "x": b64url(public.public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw))}
        numbers = public.public_numbers()
        return {"kty": "EC", "crv": "P-256", "x": b64url(numbers.x.to_bytes(32, "big")),
                "y": b64url(numbers.y.to_bytes(32, "big"))}

    @property
    def did(self) -> str:
        """The DID the issued credential must name: did:key, or did:jwk (also for plain jwk binding)."""
        if self.binding == "did:key":
            public = self.key.public_key()
            if self.alg == "EdDSA":
                raw = b"\xed\x01" + public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            else:
                raw = b"\x80\x24" + public.public_bytes(serialization.Encoding.X962,
                                                        serialization.PublicFormat.CompressedPoint)
            return "did:key:" + base58btc(raw)
        return "did:jwk:" + b64url(json.dumps(self.jwk, separators=(",", ":"), sort_keys=True).encode())

    def key_header(self) -> dict:
        if self.binding == "jwk":
            return {"jwk": self.jwk}
        if self.binding == "did:key":
            return {"kid": f"{self.did}#{self.did[len('did:key:'):]}"}
        return {"kid": f"{self.did}#0"}

    def sign(self, data: bytes) -> bytes:
        if self.alg == "EdDSA":
            return self.key.sign(data)
        r, s = decode_dss_signature(self.key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def proof(self, *, nonce: str, aud: str, iat: float | None = None, header: dict | None = None,
              claims: dict | None = None, drop: tuple = (), drop_header: tuple = ()) -> str:
        """A key proof JWT; ``header``/``claims`` override members, ``drop``/``drop_header`` remove them."""
        head = {"typ": PROOF_TYP, "alg": self.alg, **self.key_header(), **(header or {})}
        for name in drop_header:
            head.pop(name, None)
        body = {"aud": aud, "iat": int(time.time() if iat is None else iat), "nonce": nonce, **(claims or {})}
        for name in drop:
            body.pop(name, None)
        signing_input = f"{b64json(head)}.{b64json(body)}"
        return f"{signing_input}.{b64url(self.sign(signing_input.encode('ascii')))}"

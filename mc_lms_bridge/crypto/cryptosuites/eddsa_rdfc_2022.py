"""W3C Data Integrity cryptosuite eddsa-rdfc-2022: create and verify Ed25519 proofs over RDFC-1.0 N-Quads."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld.jsonld import JsonLdError

from ..canonicalize import CanonicalizationError, canonicalize
from ..document_loader import copy_json
from ..multibase import MultibaseError, decode_base58btc, encode_base58btc

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
# XML Schema dateTimeStamp (a time zone is mandatory), as the Data Integrity spec requires for `created`.
_DATE_TIME_STAMP = re.compile(
    r"-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(\.[0-9]+)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
)


class ProofCreationError(ValueError):
    """The document or the proof options cannot be signed as given."""


@dataclass(frozen=True)
class ProofCheck:
    """One verification step: its name, whether it passed, and a one-sentence explanation."""

    name: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True)
class ProofVerification:
    """Outcome of verify_proof: overall result, the steps taken, and the first failure's reason."""

    verified: bool
    checks: tuple[ProofCheck, ...]
    reason: str | None = None


def format_created(created: datetime | str) -> str:
    """`created` as an XML dateTimeStamp string (aware datetimes are written in UTC, whole seconds)."""
    if isinstance(created, datetime):
        if created.tzinfo is None:
            raise ProofCreationError("The proof's created time must be timezone-aware.")
        return created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not isinstance(created, str) or not _DATE_TIME_STAMP.fullmatch(created):
        raise ProofCreationError("The proof's created value must be an XML dateTimeStamp such as 2025-01-01T00:00:00Z.")
    return created


def proof_configuration(proof_options: Mapping[str, Any], document_context: Any) -> dict[str, Any]:
    """The proof configuration to canonicalize: the proof options plus the document's @context."""
    config = {key: value for key, value in proof_options.items() if key not in ("proofValue", "@context")}
    config["@context"] = document_context
    return config


def hash_data(canonical_proof_config: str, canonical_document: str) -> bytes:
    """sha256(canonical proof configuration) || sha256(canonical document), 64 bytes."""
    return (
        hashlib.sha256(canonical_proof_config.encode("utf-8")).digest()
        + hashlib.sha256(canonical_document.encode("utf-8")).digest()
    )


def _unsecured(document: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "proof"}


def create_proof(
    document: Mapping[str, Any],
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime | str,
    proof_purpose: str = "assertionMethod",
    loader: Callable[..., Any],
) -> dict[str, Any]:
    """Return a signed copy of ``document`` carrying one eddsa-rdfc-2022 DataIntegrityProof."""
    if not isinstance(document, Mapping) or "@context" not in document:
        raise ProofCreationError("The document to sign must be a JSON-LD object with an @context.")
    if "proof" in document:
        raise ProofCreationError("The document already carries a proof; sign the unsecured document instead.")
    if not isinstance(private_key, Ed25519PrivateKey):
        raise ProofCreationError("The signing key must be an Ed25519 private key.")
    if not isinstance(verification_method, str) or not verification_method:
        raise ProofCreationError("The verification method must be a non-empty URL string.")
    if not isinstance(proof_purpose, str) or not proof_purpose:
        raise ProofCreationError("The proof purpose must be a non-empty string.")
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": format_created(created),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    signed = copy_json(dict(document))
    try:
        canonical_document = canonicalize(signed, loader=loader)
        canonical_config = canonicalize(proof_configuration(proof, signed["@context"]), loader=loader)
    except (CanonicalizationError, JsonLdError) as error:
        raise ProofCreationError(f"The document cannot be canonicalized: {error}") from error
    signature = private_key.sign(hash_data(canonical_config, canonical_document))
    proof["proofValue"] = encode_base58btc(signature)
    signed["proof"] = proof
    return signed


class _Failed(Exception):
    def __init__(self, check: ProofCheck):
        super().__init__(check.detail)
        self.check = check


def _require(checks: list[ProofCheck], name: str, passed: bool, detail_ok: str, detail_failed: str) -> None:
    check = ProofCheck(name, passed, detail_ok if passed else detail_failed)
    checks.append(check)
    if not passed:
        raise _Failed(check)


def _verify_steps(
    document: Any,
    resolve_public_key: Callable[[str], Ed25519PublicKey],
    loader: Callable[..., Any],
    expected_proof_purpose: str,
    checks: list[ProofCheck],
) -> None:
    proof = document.get("proof") if isinstance(document, Mapping) else None
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    _require(checks, "proof", isinstance(proof, Mapping), "The document carries one proof object.",
             "The document has no proof object (or several proofs).")
    _require(checks, "type", proof.get("type") == PROOF_TYPE, "The proof type is DataIntegrityProof.",
             f"The proof type must be {PROOF_TYPE}.")
    _require(checks, "cryptosuite", proof.get("cryptosuite") == CRYPTOSUITE, "The cryptosuite is eddsa-rdfc-2022.",
             f"The proof cryptosuite must be {CRYPTOSUITE}.")
    _require(checks, "proofPurpose", proof.get("proofPurpose") == expected_proof_purpose,
             f"The proof purpose is {expected_proof_purpose}.",
             f"The proof purpose must be {expected_proof_purpose}.")
    created = proof.get("created")
    created_ok = created is None or (isinstance(created, str) and bool(_DATE_TIME_STAMP.fullmatch(created)))
    _require(checks, "created", created_ok, "The created time is absent or a valid dateTimeStamp.",
             "The proof's created value is not a valid dateTimeStamp.")
    method = proof.get("verificationMethod")
    _require(checks, "verificationMethod", isinstance(method, str) and bool(method),
             "The proof names a verification method.", "The proof's verificationMethod must be a non-empty string.")
    try:
        signature = decode_base58btc(proof.get("proofValue"))
    except MultibaseError:
        signature = b""
    _require(checks, "proofValue", len(signature) == 64, "The proofValue is a base58btc 64-byte signature.",
             "The proofValue must be a multibase base58btc Ed25519 signature of 64 bytes.")
    document_context = document.get("@context")
    proof_context = proof.get("@context")
    if proof_context is not None:
        expected = proof_context if isinstance(proof_context, list) else [proof_context]
        actual = document_context if isinstance(document_context, list) else [document_context]
        _require(checks, "context", actual[: len(expected)] == expected, "The proof @context prefixes the document's.",
                 "The proof's @context does not match the start of the document's @context.")
        document_context = proof_context
    unsecured = _unsecured(document)
    unsecured["@context"] = document_context
    try:
        canonical_document = canonicalize(unsecured, loader=loader)
        canonical_config = canonicalize(proof_configuration(proof, document_context), loader=loader)
        canonical_ok, canonical_detail = True, "The document and proof configuration were canonicalized."
    except (CanonicalizationError, JsonLdError) as error:
        canonical_ok, canonical_detail = False, f"Canonicalization failed: {error}"
    _require(checks, "canonicalize", canonical_ok, canonical_detail, canonical_detail)
    try:
        public_key = resolve_public_key(method)
        key_ok = isinstance(public_key, Ed25519PublicKey)
        key_detail = "The verification method resolved to an Ed25519 key." if key_ok else (
            "The verification method did not resolve to an Ed25519 public key.")
    except Exception as error:  # noqa: BLE001 - any resolver failure is a failed check, by contract
        key_ok, key_detail = False, f"The verification method could not be resolved: {error}"
    _require(checks, "publicKey", key_ok, key_detail, key_detail)
    try:
        public_key.verify(signature, hash_data(canonical_config, canonical_document))
        signature_ok = True
    except InvalidSignature:
        signature_ok = False
    _require(checks, "signature", signature_ok, "The Ed25519 signature is valid.",
             "The Ed25519 signature does not match the document and proof.")


def verify_proof(
    document: Mapping[str, Any],
    *,
    resolve_public_key: Callable[[str], Ed25519PublicKey],
    loader: Callable[..., Any],
    expected_proof_purpose: str = "assertionMethod",
) -> ProofVerification:
    """Verify a document's eddsa-rdfc-2022 proof; never raises for bad input, reports each step."""
    checks: list[ProofCheck] = []
    try:
        _verify_steps(document, resolve_public_key, loader, expected_proof_purpose, checks)
    except _Failed as failure:
        return ProofVerification(False, tuple(checks), failure.check.detail)
    return ProofVerification(True, tuple(checks), None)

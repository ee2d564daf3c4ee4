"""Check a Data Integrity (eddsa-rdfc-2022) proof and that its key belongs to, and may assert for, the issuer."""

from __future__ import annotations

from mc_lms_bridge.crypto.cryptosuites import eddsa_rdfc_2022

from .context import VerificationContext
from .did_resolution import DidResolutionError, ResolvedMethod
from .fetching import FetchError
from .report import Check

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


def issuer_id_of(document: dict) -> str | None:
    """The issuer id of a credential (``issuer`` as a string or as a Profile's ``id``), or None."""
    issuer = document.get("issuer")
    issuer = issuer.get("id") if isinstance(issuer, dict) else issuer
    return issuer if isinstance(issuer, str) and issuer else None


def single_proof(document: dict) -> tuple[dict | None, str | None]:
    """The document's one proof object, or None and the reason it cannot be checked."""
    proof = document.get("proof")
    if proof is None:
        return None, "has no proof."
    if isinstance(proof, list):
        if len(proof) != 1:
            return None, f"has {len(proof)} proofs; proof sets and chains are not supported."
        proof = proof[0]
    if not isinstance(proof, dict):
        return None, "has a proof that is not a JSON object."
    if proof.get("type") != PROOF_TYPE:
        return None, f"has a proof of type {proof.get('type')!r}, which this verifier does not support."
    if proof.get("cryptosuite") != CRYPTOSUITE:
        return None, f"uses the cryptosuite {proof.get('cryptosuite')!r}; only {CRYPTOSUITE} is supported."
    return proof, None


def _proof_failure(document: dict, context: VerificationContext) -> str | None:
    """None when the proof verifies, else the reason."""
    try:
        result = eddsa_rdfc_2022.verify_proof(document, resolve_public_key=context.public_key, loader=context.loader)
    except Exception as exc:  # noqa: BLE001 - adversarial input must become a failed check, never a crash
        return f"could not be checked ({type(exc).__name__}: {str(exc)[:200]})."
    if result.verified:
        return None
    return f"does not verify: {result.reason}"


def proof_check(document: dict, context: VerificationContext, *, what: str = "The credential") -> Check:
    """The ``proof`` check of a Data Integrity secured document."""
    proof, problem = single_proof(document)
    if problem is None:
        problem = _proof_failure(document, context)
    if problem is not None:
        return Check("proof", "failed", f"{what} {problem}")
    return Check("proof", "passed", f"{what}'s {CRYPTOSUITE} signature verifies.")


def key_binding_problem(resolved: ResolvedMethod, issuer_id: str) -> str | None:
    """Why ``resolved`` may not sign for ``issuer_id``, or None when it may."""
    if resolved.controller != issuer_id:
        return f"the signing key {resolved.id} is controlled by {resolved.controller}, not by the issuer {issuer_id}."
    if not resolved.assertion_method:
        return f"the issuer does not list the signing key {resolved.id} under assertionMethod."
    return None


def resolve_binding(vm_id: object, issuer_id: str | None, context: VerificationContext) -> str | None:
    """Resolve ``vm_id`` and return why it may not sign for ``issuer_id`` (None when it may)."""
    if issuer_id is None:
        return "it names no issuer id."
    if not isinstance(vm_id, str) or not vm_id:
        return "its proof names no verification method."
    try:
        resolved = context.resolve(vm_id)
    except (DidResolutionError, FetchError) as exc:
        return f"its signing key cannot be resolved: {exc}"
    return key_binding_problem(resolved, issuer_id)


def issuer_check(document: dict, context: VerificationContext, *, what: str = "The credential") -> Check:
    """The ``issuer`` check: the proof's verification method is the issuer's and authorised for assertions."""
    proof, problem = single_proof(document)
    issuer_id = issuer_id_of(document)
    if problem is None and proof.get("proofPurpose") != "assertionMethod":
        problem = f"its proof purpose is {proof.get('proofPurpose')!r}, not assertionMethod."
    elif problem is None:
        problem = resolve_binding(proof.get("verificationMethod"), issuer_id, context)
    else:
        problem = f"its proof cannot be tied to the issuer: {what.lower()} {problem}"
    if problem is not None:
        return Check("issuer", "failed", f"{what} cannot be attributed to its issuer: {problem}")
    return Check("issuer", "passed", f"{what} is signed with a key that {issuer_id} lists for issuing credentials.")

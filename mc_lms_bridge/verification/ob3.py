"""Verify any Open Badges 3.0 credential (Data Integrity JSON or VC-JWT) and report every check."""

from __future__ import annotations

from datetime import datetime

from mc_lms_bridge.crypto.document_loader import copy_json
from mc_lms_bridge.formats.ob3 import validate_ob3_schema

from . import jwt
from .context import VerificationContext
from .credential_input import CredentialInputError, parse_credential_input
from .data_integrity import issuer_check, issuer_id_of, proof_check
from .fetching import DocumentFetcher, FetchFunction
from .report import Check, VerificationReport
from .status import status_checks
from .validity import validity_check

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0"
OB3_TYPES = ("OpenBadgeCredential", "AchievementCredential")
MAX_SCHEMA_MESSAGES = 10

__all__ = ["CredentialInputError", "parse_credential_input", "verify_ob3"]


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def format_check(credential: dict) -> Check:
    """The ``format`` check: a VC 2.0 credential of an Open Badges 3.0 type with the OB 3.0 context."""
    contexts = _as_list(credential.get("@context"))
    types = _as_list(credential.get("type"))
    problems = []
    if not contexts or contexts[0] != VC_V2_CONTEXT:
        problems.append(f"its first @context is not {VC_V2_CONTEXT}")
    if not any(isinstance(item, str) and item.startswith(OB3_CONTEXT_PREFIX) for item in contexts):
        problems.append("it lacks the Open Badges 3.0 @context")
    if "VerifiableCredential" not in types:
        problems.append("its type does not include VerifiableCredential")
    if not any(name in types for name in OB3_TYPES):
        problems.append("its type is neither OpenBadgeCredential nor AchievementCredential")
    if problems:
        return Check("format", "failed", f"This is not an Open Badges 3.0 credential: {'; '.join(problems)}.")
    kind = next(name for name in OB3_TYPES if name in types)
    return Check("format", "passed", f"An Open Badges 3.0 {kind} in the VC 2.0 data model.")


def schema_check(credential: dict) -> Check:
    """The ``schema`` check against the 1EdTech AchievementCredential JSON schema; failures list the paths.

    The 1EdTech schema types ``proof`` as an array while VC 2.0 also allows one object, so a single
    proof is validated as a one-item array.
    """
    if isinstance(credential.get("proof"), dict):
        credential = {**credential, "proof": [credential["proof"]]}
    try:
        problems = validate_ob3_schema(credential)
    except RecursionError:
        problems = ["the document nests too deeply to validate"]
    if not problems:
        return Check("schema", "passed", "The credential matches the 1EdTech Open Badges 3.0 JSON schema.")
    shown = "; ".join(problems[:MAX_SCHEMA_MESSAGES])
    more = f" (and {len(problems) - MAX_SCHEMA_MESSAGES} more)" if len(problems) > MAX_SCHEMA_MESSAGES else ""
    return Check("schema", "failed", f"The credential does not match the Open Badges 3.0 schema: {shown}{more}.")


def _status(credential: dict, context: VerificationContext, check_status: bool) -> tuple[list[Check], str]:
    if not check_status:
        return [Check("status", "skipped", "Revocation and suspension status was not checked.")], "unknown"
    return status_checks(credential, context)


def _skipped(names: tuple[str, ...], why: str) -> list[Check]:
    return [Check(name, "skipped", f"Not checked: {why}") for name in names]


def _verify_data_integrity(credential: dict, context: VerificationContext, check_status: bool) -> VerificationReport:
    checks = [format_check(credential), proof_check(credential, context), issuer_check(credential, context),
              schema_check(credential), validity_check(credential, context.now)]
    more, status = _status(credential, context, check_status)
    return VerificationReport(tuple(checks + more), credential, "data-integrity", issuer_id_of(credential), status)


def _verify_jwt(token: str, context: VerificationContext, check_status: bool) -> VerificationReport:
    result, resolved = jwt.decode(token, context)
    if result.credential is None:
        reason = result.check("format").reason
        checks = [Check("format", "failed", f"This is not a readable VC-JWT: {reason}")]
        checks += _skipped(("proof", "issuer", "schema", "validity", "status"), "the token could not be read.")
        return VerificationReport(tuple(checks), None, "vc-jwt", None, "unknown")
    credential = result.credential
    validity = validity_check(credential, context.now)
    token_problems = jwt.jwt_time_problems(result)
    if validity.passed and token_problems:
        validity = Check("validity", "failed", " ".join(token_problems))
    checks = [format_check(credential), jwt.jwt_proof_check(result), jwt.jwt_issuer_check(result, resolved),
              schema_check(credential), validity]
    more, status = _status(credential, context, check_status)
    return VerificationReport(tuple(checks + more), credential, "vc-jwt", issuer_id_of(credential), status)


def verify_ob3(
    credential_input: dict | str,
    *,
    fetch: DocumentFetcher | FetchFunction,
    now: datetime,
    loader,
    check_status: bool = True,
    scheme: str = "https",
) -> VerificationReport:
    """Verify a parsed JSON credential (Data Integrity proof) or a compact VC-JWT; never raises on bad input.

    ``fetch`` serves DID documents, controller documents and status lists; ``scheme`` is the one used
    to turn did:web DIDs into URLs ("http" only for local development). Raises only for programmer
    errors (a naive ``now``, a missing loader).
    """
    context = VerificationContext(fetch=fetch, now=now, loader=loader, scheme=scheme)
    if isinstance(credential_input, str):
        return _verify_jwt(credential_input.strip(), context, check_status)
    if isinstance(credential_input, dict):
        try:
            credential = copy_json(credential_input)  # the caller's object is never touched by JSON-LD processing
        except RecursionError:
            credential = None
        if credential is not None:
            return _verify_data_integrity(credential, context, check_status)
    checks = [Check("format", "failed", "The credential must be a JSON object (not too deeply nested) or a VC-JWT.")]
    checks += _skipped(("proof", "issuer", "schema", "validity", "status"), "the input is not a credential.")
    return VerificationReport(tuple(checks), None, "unknown", None, "unknown")

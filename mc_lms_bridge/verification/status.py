"""Check every credentialStatus entry: fetch the status list, verify its proof, issuer and dates, then read the bit."""

from __future__ import annotations

from mc_lms_bridge.status.status_list_credential import ENTRY_TYPE, check_status

from .context import VerificationContext
from .data_integrity import issuer_check, issuer_id_of, proof_check
from .fetching import FetchError
from .report import Check, Status
from .validity import validity_problems

_SET_MEANS = {"revocation": "revoked", "suspension": "suspended"}


def _entries(credential: dict) -> list:
    value = credential.get("credentialStatus")
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def status_list_problem(list_credential: dict, issuer_id: str | None, context: VerificationContext) -> str | None:
    """Why the fetched status list credential cannot be trusted for ``issuer_id``'s credential, or None."""
    list_issuer = issuer_id_of(list_credential)
    if list_issuer != issuer_id:
        return f"it is issued by {list_issuer}, not by the credential's issuer {issuer_id}."
    for check in (proof_check(list_credential, context, what="The list"),
                  issuer_check(list_credential, context, what="The list")):
        if not check.passed:
            return check.message
    problems = validity_problems(list_credential, context.now, what="The list")
    return " ".join(problems) or None


def _entry_check(entry: object, issuer_id: str | None, context: VerificationContext) -> tuple[Check, Status | None]:
    """One ``status`` check and what it found (None when nothing was determined)."""
    if not isinstance(entry, dict):
        return Check("status", "failed", "A credentialStatus entry is not a JSON object."), None
    if entry.get("type") != ENTRY_TYPE:
        return Check("status", "warning",
                     f"Status entries of type {entry.get('type')!r} are not supported, so it was not checked."), None
    url = entry.get("statusListCredential")
    if not isinstance(url, str) or not url:
        return Check("status", "failed", "The status entry does not name its status list credential."), None
    try:
        list_credential = context.fetch(url)
    except FetchError as exc:
        return Check("status", "failed", f"The status list {url} could not be fetched: {exc.reason}"), None
    problem = status_list_problem(list_credential, issuer_id, context)
    if problem is not None:
        return Check("status", "failed", f"The status list {url} cannot be trusted: {problem}"), None
    result = check_status(entry, list_credential)
    if not result.determined:
        return Check("status", "failed", f"The status in {url} cannot be read: {' '.join(result.reasons)}"), None
    purpose = result.purpose
    if result.status == 0:
        where = f"list {url}, index {entry.get('statusListIndex')}"
        if purpose in _SET_MEANS:
            return Check("status", "passed", f"The issuer has not {_SET_MEANS[purpose]} this credential ({where})."), \
                "active"
        return Check("status", "passed", f"The {purpose} flag of this credential is not set ({where})."), None
    if purpose in _SET_MEANS:
        return Check("status", "failed", f"The issuer has {_SET_MEANS[purpose]} this credential (list {url})."), \
            _SET_MEANS[purpose]
    return Check("status", "warning", f"The issuer has set the {purpose} flag of this credential (list {url})."), None


def status_checks(credential: dict, context: VerificationContext) -> tuple[list[Check], Status]:
    """One ``status`` check per credentialStatus entry, and the overall status they add up to."""
    entries = _entries(credential)
    if not entries:
        return [Check("status", "skipped", "The credential publishes no status, so the issuer cannot revoke it.")], \
            "unknown"
    issuer_id = issuer_id_of(credential)
    checks, found = [], []
    for entry in entries:
        check, state = _entry_check(entry, issuer_id, context)
        checks.append(check)
        found.append(state)
    for state in ("revoked", "suspended"):
        if state in found:
            return checks, state
    if "active" in found and all(check.outcome != "failed" for check in checks):
        return checks, "active"
    return checks, "unknown"

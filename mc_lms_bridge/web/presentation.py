"""Plain-language presentation of verification results: one line per check, one verdict per format."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CHECK_NAMES = {
    "format": _("Format"), "proof": _("Signature"), "issuer": _("Issuer"), "schema": _("Structure"),
    "validity": _("Validity dates"), "status": _("Revocation status"), "structure": _("Structure"),
    "header": _("Seal header"), "certificate_digest": _("Seal certificate"), "chain": _("Certificate chain"),
    "signature": _("Seal signature"), "shacl": _("Europass rules"), "timestamp": _("Time stamp"),
    "signing_time": _("Signing time"),
}
OUTCOMES = {"passed": _("passed"), "failed": _("failed"), "skipped": _("not checked"), "warning": _("warning")}


@dataclass(frozen=True)
class CheckLine:
    name: str
    outcome: str
    outcome_label: str
    message: str


def check_lines(result: dict) -> list[CheckLine]:
    lines = []
    for check in result.get("checks", []):
        name = str(check.get("name", ""))
        outcome = str(check.get("outcome") or ("passed" if check.get("passed") else "failed"))
        lines.append(CheckLine(name=str(CHECK_NAMES.get(name, name.replace("_", " ").capitalize())),
                               outcome=outcome, outcome_label=str(OUTCOMES.get(outcome, outcome)),
                               message=str(check.get("message") or check.get("reason") or "")))
    return lines


def verdict(result: dict, state: str | None = None) -> tuple[str, str]:
    """(css class, sentence) for a result; the issuer's own record of revocation wins."""
    if state == "revoked" or result.get("status") == "revoked":
        return "bad", str(_("Revoked by the issuer: this credential is no longer valid."))
    if state == "suspended" or result.get("status") == "suspended":
        return "warn", str(_("Suspended by the issuer for now."))
    if result.get("verified"):
        return "ok", str(_("Authentic and valid: the signature, the issuer and the dates check out."))
    return "bad", str(_("Not verified: see the failed checks below."))

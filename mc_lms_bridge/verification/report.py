"""The outcome of verifying one credential: every check with a plain-language message, and the overall verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["passed", "failed", "skipped", "warning"]
Status = Literal["active", "revoked", "suspended", "unknown"]
CredentialFormat = Literal["data-integrity", "vc-jwt", "unknown"]

OUTCOMES = ("passed", "failed", "skipped", "warning")
STATUSES = ("active", "revoked", "suspended", "unknown")
FORMATS = ("data-integrity", "vc-jwt", "unknown")
# A credential is verified only when each of these ran and passed (and no other check failed).
MANDATORY_CHECKS = ("format", "proof", "issuer", "schema", "validity")


@dataclass(frozen=True)
class Check:
    """One verification step: a short name, its outcome and one plain-language sentence saying why."""

    name: str
    outcome: Outcome
    message: str

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"Check outcome must be one of {OUTCOMES}, not {self.outcome!r}.")
        if not isinstance(self.name, str) or not self.name:
            raise ValueError("A check needs a non-empty name.")

    @property
    def passed(self) -> bool:
        """True when the check ran and passed."""
        return self.outcome == "passed"

    def to_dict(self) -> dict:
        """JSON-ready form: name, outcome, message."""
        return {"name": self.name, "outcome": self.outcome, "message": self.message}


@dataclass(frozen=True)
class VerificationReport:
    """Every check run on a credential, the credential itself (when readable), its format, issuer and status."""

    checks: tuple[Check, ...]
    credential: dict | None
    format: CredentialFormat
    issuer: str | None
    status: Status

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"Report format must be one of {FORMATS}, not {self.format!r}.")
        if self.status not in STATUSES:
            raise ValueError(f"Report status must be one of {STATUSES}, not {self.status!r}.")
        object.__setattr__(self, "checks", tuple(self.checks))

    @property
    def verified(self) -> bool:
        """True when every mandatory check passed and no check at all failed (warnings do not count)."""
        if any(check.outcome == "failed" for check in self.checks):
            return False
        passed = {check.name for check in self.checks if check.passed}
        return all(name in passed for name in MANDATORY_CHECKS)

    @property
    def failed(self) -> tuple[Check, ...]:
        """The checks that failed."""
        return tuple(check for check in self.checks if check.outcome == "failed")

    def checks_named(self, name: str) -> tuple[Check, ...]:
        """Every check with this name (status has one per credentialStatus entry)."""
        return tuple(check for check in self.checks if check.name == name)

    def summary(self) -> str:
        """One sentence a person can read: verified or not, and why not."""
        if self.verified:
            return "The credential is authentic and valid."
        reasons = " ".join(check.message for check in self.failed)
        if not reasons:
            missing = [name for name in MANDATORY_CHECKS if not any(c.passed for c in self.checks_named(name))]
            reasons = f"These checks did not pass: {', '.join(missing)}."
        return f"The credential could not be verified. {reasons}"

    def to_dict(self) -> dict:
        """JSON-ready form of the whole report, including the credential when it could be read."""
        return {
            "verified": self.verified,
            "summary": self.summary(),
            "format": self.format,
            "issuer": self.issuer,
            "status": self.status,
            "checks": [check.to_dict() for check in self.checks],
            "credential": self.credential,
        }

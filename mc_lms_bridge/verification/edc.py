"""Verify a JAdES-sealed Europass EDC credential: the seal (signature, certificate, time) and the ELM shapes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509

from ..crypto.jades import JadesError, extract_payload, verify_jades
from ..formats.edc.template_cache import personal_values_of, validate_edc_fast
from .report import Check

MANDATORY = ("structure", "signature", "chain", "signing_time", "shacl")


@dataclass(frozen=True)
class EdcVerificationReport:
    """Every check of a sealed EDC credential with a plain-language message."""

    checks: tuple[Check, ...]
    credential: dict | None
    level: str | None
    signing_time: datetime | None

    @property
    def verified(self) -> bool:
        passed = {c.name for c in self.checks if c.passed}
        return not any(c.outcome == "failed" for c in self.checks) and all(n in passed for n in MANDATORY)

    def to_dict(self) -> dict:
        return {"verified": self.verified, "format": "edc-jades", "level": self.level,
                "signing_time": self.signing_time.isoformat() if self.signing_time else None,
                "checks": [c.to_dict() for c in self.checks]}


def _parse(sealed) -> dict | None:
    if isinstance(sealed, dict):
        return sealed
    try:
        value = json.loads(sealed)
    except (ValueError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def verify_edc(sealed, *, trust_anchors: list[x509.Certificate], now: datetime) -> EdcVerificationReport:
    """Check the seal over the exact payload bytes, the certificate chain and times, then SHACL conformance."""
    document = _parse(sealed)
    if document is None or "signatures" not in document:
        return EdcVerificationReport(
            (Check("structure", "failed", "This is not a JAdES-sealed (JWS JSON) Europass credential."),),
            None, None, None)
    seal = verify_jades(document, trust_anchors=trust_anchors, now=now)
    checks = [Check(c.name, "passed" if c.passed else "failed", c.reason) for c in seal.checks]
    credential = None
    try:
        credential = json.loads(extract_payload(document))
    except (JadesError, ValueError):
        checks.append(Check("shacl", "failed", "The sealed payload is not a JSON document."))
    if credential is not None:
        report = validate_edc_fast(credential, personal_values_of(credential))
        if report.conforms:
            checks.append(Check("shacl", "passed", "The credential conforms to the ELM 3.2 shapes."))
        else:
            checks.append(Check("shacl", "failed", "The credential breaks the ELM 3.2 rules: "
                                + " ".join(v.message for v in report.violations[:5])))
    return EdcVerificationReport(tuple(checks), credential, seal.level, seal.signing_time)

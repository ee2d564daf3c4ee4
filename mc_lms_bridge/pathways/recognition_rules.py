"""Pure recognition decisions: the facts of a verified OB3 credential against admin recognition rules."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .holdings import grade_fraction

EQF_URI = re.compile(r"^https?://data\.europa\.eu/snb/eqf/([1-8])$")
ACCEPTED, REFUSED = "accepted", "refused"


@dataclass(frozen=True)
class CredentialFacts:
    """What a recognition rule looks at, read from a credential's JSON."""

    credential_id: str = ""
    issuer: str = ""
    achievement_id: str = ""
    title: str = ""
    ects: Decimal | None = None
    eqf: int | None = None
    alignments: tuple[str, ...] = ()
    grade: float | None = None
    email_hashes: tuple[tuple[str, str], ...] = field(default=())  # (identityHash, salt)


@dataclass(frozen=True)
class RuleSpec:
    """An admin recognition rule as plain data."""

    id: int
    name: str
    trusted_issuers: tuple[str, ...]
    achievement_id: str = ""
    alignment_url: str = ""
    min_ects: Decimal | None = None
    min_eqf: int | None = None


@dataclass(frozen=True)
class Decision:
    """``accepted`` or ``refused``, one sentence why, and the rule that accepted it."""

    decision: str
    reason: str
    rule: int | None = None


def _list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _decimal(value) -> Decimal | None:
    try:
        return None if value is None or isinstance(value, bool) else Decimal(str(value))
    except InvalidOperation:
        return None


def _eqf(alignments: Sequence[Mapping]) -> int | None:
    for item in alignments:
        if item.get("targetType") == "ext:EQFLevel" and str(item.get("targetCode", "")).isdigit():
            return int(item["targetCode"])
        match = EQF_URI.match(str(item.get("targetUrl", "")))
        if match:
            return int(match[1])
    return None


def credential_facts(credential: Mapping) -> CredentialFacts:
    """Read issuer, achievement, ECTS, EQF level, alignments, grade and hashed e-mails out of an OB3 credential."""
    issuer = credential.get("issuer")
    subject = credential.get("credentialSubject") or {}
    achievement = subject.get("achievement") or {}
    alignments = [a for a in _list(achievement.get("alignment")) if isinstance(a, Mapping)]
    results = [r for r in _list(subject.get("result")) if isinstance(r, Mapping)]
    hashes = tuple((str(i.get("identityHash", "")), str(i.get("salt", ""))) for i in _list(subject.get("identifier"))
                   if isinstance(i, Mapping) and i.get("identityType") == "emailAddress" and i.get("hashed"))
    return CredentialFacts(
        credential_id=str(credential.get("id", "")),
        issuer=str(issuer.get("id", "") if isinstance(issuer, Mapping) else issuer or ""),
        achievement_id=str(achievement.get("id", "")), title=str(achievement.get("name", ""))[:300],
        ects=_decimal(achievement.get("creditsAvailable", subject.get("creditsEarned"))), eqf=_eqf(alignments),
        alignments=tuple(str(a["targetUrl"]) for a in alignments if a.get("targetUrl")),
        grade=grade_fraction(str(results[0].get("value", ""))) if results else None, email_hashes=hashes)


def _credits(value: Decimal | None) -> str:
    return "none" if value is None else format(value.normalize(), "f")


def _hash(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email + salt).encode("utf-8")).hexdigest()


def verification_refusal(report: Mapping) -> str | None:
    """The specific reason a verification report refuses a credential, or None when it verified."""
    if report.get("verified"):
        return None
    failed = {c["name"]: c["message"] for c in report.get("checks", []) if c.get("outcome") == "failed"}
    if report.get("status") == "revoked":
        return "Refused: the issuer has revoked this credential."
    if report.get("status") == "suspended":
        return "Refused: the issuer has suspended this credential."
    if "validity" in failed:
        return f"Refused: the credential is expired or not yet valid. {failed['validity']}"
    if "format" in failed:
        return f"Refused: this is not an Open Badges 3.0 credential. {failed['format']}"
    if "proof" in failed:
        return f"Refused: the credential was tampered with or its signature is invalid. {failed['proof']}"
    if "issuer" in failed:
        return f"Refused: the issuer's key could not be confirmed. {failed['issuer']}"
    if "schema" in failed:
        return f"Refused: the credential does not match the Open Badges 3.0 schema. {failed['schema']}"
    reasons = " ".join(failed.values()) or "a mandatory check did not pass"
    return f"Refused: the credential could not be verified ({reasons})."


def _matches(rule: RuleSpec, facts: CredentialFacts) -> bool:
    return bool((rule.achievement_id and rule.achievement_id == facts.achievement_id)
                or (rule.alignment_url and rule.alignment_url in facts.alignments))


def decide(report: Mapping, facts: CredentialFacts, rules: Sequence[RuleSpec], learner_email: str) -> Decision:
    """Accept a verified credential of a trusted issuer that matches a rule and its minimums; else say why not."""
    refusal = verification_refusal(report)
    if refusal:
        return Decision(REFUSED, refusal)
    if facts.email_hashes and not any(_hash(learner_email.strip().lower(), salt) == value
                                      or _hash(learner_email.strip(), salt) == value
                                      for value, salt in facts.email_hashes):
        return Decision(REFUSED, "Refused: the credential was issued to another e-mail address than the learner's.")
    trusting = [rule for rule in rules if facts.issuer in rule.trusted_issuers]
    if not trusting:
        return Decision(REFUSED, f"Refused: the issuer {facts.issuer} is not trusted by any recognition rule.")
    matching = [rule for rule in trusting if _matches(rule, facts)]
    if not matching:
        return Decision(REFUSED, f"Refused: no recognition rule covers the achievement {facts.achievement_id}.")
    shortfalls = []
    for rule in matching:
        if rule.min_ects is not None and (facts.ects is None or facts.ects < rule.min_ects):
            shortfalls.append(f"rule '{rule.name}' needs at least {_credits(rule.min_ects)} ECTS, the credential "
                              f"states {_credits(facts.ects)}")
        elif rule.min_eqf is not None and (facts.eqf is None or facts.eqf < rule.min_eqf):
            shortfalls.append(f"rule '{rule.name}' needs EQF level {rule.min_eqf} or higher, the credential states "
                              f"{'none' if facts.eqf is None else facts.eqf}")
        else:
            return Decision(ACCEPTED, f"Accepted under rule '{rule.name}'.", rule.id)
    return Decision(REFUSED, "Refused: " + "; ".join(shortfalls) + ".")

"""Check a credential's validity period (validFrom / validUntil) against the verifier's clock."""

from __future__ import annotations

import re
from datetime import datetime

from .report import Check

# XSD dateTimeStamp as VC 2.0 requires it: a date, a time and a mandatory time zone.
_DATE_TIME_STAMP = re.compile(
    r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})"
)


def parse_date_time(value: object) -> datetime | None:
    """Return the aware datetime of an XSD dateTimeStamp string, or None when it is not one."""
    if not isinstance(value, str) or not _DATE_TIME_STAMP.fullmatch(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def validity_problems(credential: dict, now: datetime, *, what: str = "The credential") -> list[str]:
    """Sentences describing why ``credential`` is not valid at ``now`` (empty when it is)."""
    problems = []
    start_name = "validFrom" if "validFrom" in credential or "issuanceDate" not in credential else "issuanceDate"
    end_name = "validUntil" if "validUntil" in credential or "expirationDate" not in credential else "expirationDate"
    if start_name in credential:
        start = parse_date_time(credential[start_name])
        if start is None:
            problems.append(f"{what}'s {start_name} is not a date-time with a time zone.")
        elif start > now:
            problems.append(f"{what} is not valid yet: it becomes valid on {credential[start_name]}.")
    if end_name in credential:
        end = parse_date_time(credential[end_name])
        if end is None:
            problems.append(f"{what}'s {end_name} is not a date-time with a time zone.")
        elif end <= now:
            problems.append(f"{what} expired on {credential[end_name]}.")
    return problems


def validity_check(credential: dict, now: datetime) -> Check:
    """The ``validity`` check: validFrom is present and past, validUntil (if any) is in the future."""
    if "validFrom" not in credential and "issuanceDate" not in credential:
        return Check("validity", "failed", "The credential has no validFrom date, which Open Badges 3.0 requires.")
    problems = validity_problems(credential, now)
    if problems:
        return Check("validity", "failed", " ".join(problems))
    until = credential.get("validUntil", credential.get("expirationDate"))
    if until is None:
        return Check("validity", "passed", "The credential is valid from its start date and never expires.")
    return Check("validity", "passed", f"The credential is within its validity period (until {until}).")

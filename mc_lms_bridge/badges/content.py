"""Turn a micro-credential record into the plain strings a badge or certificate page shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..formats.record import MicroCredentialRecord, OrganisationRecord
from .text import clean_text, pick_text

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "der", "die", "und", "van"})


def ects_label(credits: Decimal) -> str:
    """``Decimal('5.00')`` -> ``'5 ECTS'``; ``Decimal('2.5')`` -> ``'2.5 ECTS'``."""
    return f"{format(credits.normalize(), 'f')} ECTS"


def workload_label(record: MicroCredentialRecord) -> str | None:
    """ECTS credits when known, else notional hours, else None."""
    if record.ects_credits is not None and record.ects_credits > 0:
        return ects_label(record.ects_credits)
    if record.workload_hours:
        return f"{record.workload_hours} hour" + ("" if record.workload_hours == 1 else "s")
    return None


def eqf_label(record: MicroCredentialRecord) -> str | None:
    """``'EQF 6'`` or None when the micro-credential has no EQF level."""
    return f"EQF {record.eqf_level}" if record.eqf_level else None


def organisation_name(organisation: OrganisationRecord, language: str | None) -> str:
    """The organisation's legal name in the requested language (with fallbacks)."""
    return clean_text(pick_text(organisation.legal_name, language))


def monogram(name: str) -> str:
    """Up to three initials of the significant words of ``name`` (``'University of Example'`` -> ``'UE'``)."""
    words = [w for w in clean_text(name).split(" ") if w and w.lower() not in _MINOR_WORDS]
    return "".join(w[0].upper() for w in words[:3])


def long_date(value: date) -> str:
    """``date(2025, 6, 30)`` -> ``'30 June 2025'`` (locale-independent)."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@dataclass(frozen=True)
class BadgeContent:
    """The strings shown on a badge (already cleaned of characters XML cannot carry)."""

    title: str
    awarding_body: str
    eqf: str | None
    workload: str | None
    monogram: str

    @property
    def facts(self) -> str | None:
        """EQF level and workload joined by a middle dot, or None when neither is known."""
        return " \u00b7 ".join(x for x in (self.eqf, self.workload) if x) or None

    @property
    def alt(self) -> str:
        """Accessible description of the badge image."""
        parts = [self.title, "micro-credential", self.awarding_body, self.facts]
        return " \u2014 ".join(p for p in parts if p)


def badge_content(record: MicroCredentialRecord, language: str | None = None) -> BadgeContent:
    """Pick the texts of ``record`` in ``language`` (falling back to English, then the record's languages)."""
    bodies = record.awarding_bodies or (record.issuer,)
    body = " \u00b7 ".join(organisation_name(org, language) for org in bodies)
    return BadgeContent(
        title=clean_text(pick_text(record.title, language, record.languages)),
        awarding_body=body,
        eqf=eqf_label(record),
        workload=workload_label(record),
        monogram=monogram(organisation_name(bodies[0], language)),
    )


def outcome_texts(record: MicroCredentialRecord, language: str | None, limit: int = 5) -> list[str]:
    """The first ``limit`` learning outcomes as text in ``language``."""
    texts = (clean_text(pick_text(o.text, language, record.languages)) for o in record.learning_outcomes)
    return [t for t in texts if t][:limit]

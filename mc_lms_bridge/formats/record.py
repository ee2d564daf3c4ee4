"""Immutable, Django-free snapshot of the facts every credential builder (OB3, EDC, CLR) reads.

The catalogue models turn themselves into these records (``to_record()``); format builders are pure
functions of records, a clock and an issuer profile, so they run and test without a database.
Vocabulary fields hold the *codes* of ``mc_lms_bridge.vocab`` (e.g. ``participation_mode="online"``);
builders turn them into official concept URIs through the vocabulary lookups.
Multilingual text is a mapping of ISO 639-1 language code -> text (``{"en": "...", "fr": "..."}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType

LangText = Mapping[str, str]


def lang_text(value: Mapping[str, str] | None) -> LangText:
    """Freeze a language map (drops empty strings) so records stay immutable and hashable-safe."""
    return MappingProxyType({lang: text for lang, text in (value or {}).items() if text})


@dataclass(frozen=True)
class OrganisationRecord:
    """An issuer or awarding body."""

    id: str  # our stable identifier (UUID string)
    did: str  # the organisation's did:web identifier, e.g. did:web:example.org:orgs:univ-x
    legal_name: LangText
    legal_identifier: str  # national legal / eIDAS identifier, e.g. "BE0123456789"
    country: str  # ISO 3166-1 alpha-2 code, e.g. "BE"
    region: str = ""  # free text or NUTS code, optional
    homepage: str = ""
    email: str = ""
    logo_url: str = ""
    profile_url: str = ""  # https URL of the OB3 issuer Profile document we serve


@dataclass(frozen=True)
class LearningOutcomeRecord:
    """One learning outcome, optionally aligned to an ESCO skill."""

    text: LangText
    esco_skill_uri: str = ""


@dataclass(frozen=True)
class QualityAssuranceRecord:
    """Type of quality assurance plus who assures it."""

    qa_type: str  # vocab "qa_type" code
    body_name: str = ""
    url: str = ""


@dataclass(frozen=True)
class MicroCredentialRecord:
    """One *published version* of a micro-credential: every EU standard element of Annex I."""

    id: str  # stable UUID of the micro-credential (shared by all its versions)
    version: int
    url: str  # https URL that identifies this achievement version (used as achievement.id)
    title: LangText
    description: LangText
    languages: tuple[str, ...]  # ISO 639-1 codes of instruction/assessment
    issuer: OrganisationRecord
    awarding_bodies: tuple[OrganisationRecord, ...]
    learning_outcomes: tuple[LearningOutcomeRecord, ...]
    ects_credits: Decimal | None  # notional workload in ECTS (None when only hours are known)
    workload_hours: int | None  # notional workload in hours
    eqf_level: int | None  # 1..8
    assessment_type: str  # vocab "assessment_type" code
    participation_mode: str  # vocab "participation_mode" code (online, blended, presential, ...)
    learning_setting: str  # vocab "learning_setting" code (formal, non-formal)
    quality_assurance: QualityAssuranceRecord
    assessment_description: LangText = field(default_factory=lambda: lang_text({}))
    nqf_level: str = ""  # vocab "nqf" (QDR) code; older versions may hold free text, which EDC/LOQ leave out
    isced_f_codes: tuple[str, ...] = ()  # vocab "isced_f" codes (ISCED-F 2013 fields of education)
    qf_ehea_cycle: str = ""  # "short", "first", "second", "third" or ""
    prerequisites: LangText = field(default_factory=lambda: lang_text({}))
    supervision: str = ""  # vocab "supervision" code or ""
    grading_scheme: LangText = field(default_factory=lambda: lang_text({}))
    stackability: str = "standalone"  # "standalone" | "stackable"
    further_information: LangText = field(default_factory=lambda: lang_text({}))
    homepage: str = ""
    valid_for_days: int | None = None  # credential validity; None = does not expire
    published_at: datetime | None = None


@dataclass(frozen=True)
class LearnerRecord:
    """The learner, with the minimum personal data a credential needs."""

    id: str  # stable UUID string
    subject_id: str  # credentialSubject.id: a DID of the learner or urn:uuid:<id>
    given_name: str
    family_name: str
    email: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True)
class EvidenceRecord:
    """Why the award was made: the completion that triggered it."""

    id: str  # URL or urn:uuid of the completion event
    narrative: str
    name: str = "Course completion"
    source_platform: str = ""  # openedx / moodle / lti / api
    course_id: str = ""


@dataclass(frozen=True)
class AwardRecord:
    """One award of one micro-credential version to one learner."""

    id: str  # stable UUID string
    credential_id: str  # the id the issued credential will carry (urn:uuid:... or https URL)
    awarded_at: datetime  # timezone-aware
    grade: str = ""  # as shown to humans, e.g. "8.5/10" or "B"
    evidence: tuple[EvidenceRecord, ...] = ()
    public_url: str = ""  # the /c/<id> page of this credential

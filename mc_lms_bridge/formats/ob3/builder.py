"""Build an unsigned Open Badges 3.0 OpenBadgeCredential (VC Data Model 2.0) from credential records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from mc_lms_bridge.formats.record import AwardRecord, LearnerRecord, MicroCredentialRecord, OrganisationRecord

from .achievement import build_achievement
from .errors import OB3RecordError
from .profile import OB3_CONTEXT, OB3_EXTENSIONS_CONTEXT, VC_V2_CONTEXT, build_profile
from .subject import build_subject
from .text import iso_datetime

OB3_CONTEXTS = (VC_V2_CONTEXT, OB3_CONTEXT, OB3_EXTENSIONS_CONTEXT)
OB3_CREDENTIAL_TYPES = ("VerifiableCredential", "OpenBadgeCredential")
ACHIEVEMENT_CREDENTIAL_SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}


def build_evidence(award: AwardRecord) -> list[dict]:
    """Return one OB3 Evidence per completion that led to the award."""
    return [
        {"id": item.id, "type": ["Evidence"], "name": item.name, "narrative": item.narrative}
        for item in award.evidence
    ]


def credential_status(status_entries: Sequence[Mapping]) -> dict | list[dict] | None:
    """Return the credentialStatus value: nothing, one entry, or the list of entries."""
    entries = [dict(entry) for entry in status_entries]
    if not entries:
        return None
    return entries[0] if len(entries) == 1 else entries


def build_ob3_credential(
    *,
    award: AwardRecord,
    microcredential: MicroCredentialRecord,
    learner: LearnerRecord,
    issuer: OrganisationRecord,
    status_entries: Sequence[Mapping] = (),
    identity_salt: str,
    now: datetime,
) -> dict:
    """Return the unsigned OpenBadgeCredential for one award; ``now`` only guards against future awards."""
    awarded = iso_datetime(award.awarded_at, "award date")
    issuing_time = iso_datetime(now, "issuing time")
    if award.awarded_at > now:
        raise OB3RecordError(f"Award {award.id} is dated {awarded}, after the issuing time {issuing_time}.")
    if microcredential.valid_for_days is not None and microcredential.valid_for_days <= 0:
        days = microcredential.valid_for_days
        raise OB3RecordError(f"A validity of {days} days is not a positive number of days.")
    achievement = build_achievement(microcredential)
    credential = {
        "@context": list(OB3_CONTEXTS),
        "id": award.credential_id,
        "type": list(OB3_CREDENTIAL_TYPES),
        "name": achievement["name"],
        "issuer": build_profile(issuer, achievement["inLanguage"]),
        "validFrom": awarded,
    }
    if microcredential.valid_for_days is not None:
        until = award.awarded_at + timedelta(days=microcredential.valid_for_days)
        credential["validUntil"] = iso_datetime(until, "expiry date")
    credential["awardedDate"] = awarded
    credential["credentialSubject"] = build_subject(
        award=award,
        microcredential=microcredential,
        learner=learner,
        achievement=achievement,
        identity_salt=identity_salt,
    )
    if award.evidence:
        credential["evidence"] = build_evidence(award)
    credential["credentialSchema"] = [dict(ACHIEVEMENT_CREDENTIAL_SCHEMA)]
    status = credential_status(status_entries)
    if status is not None:
        credential["credentialStatus"] = status
    return credential

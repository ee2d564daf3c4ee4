"""Re-issue an OB3 credential to a wallet: same award and status entry, the holder's DID as subject."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import datetime

from .. import identity
from ..catalogue.records import award_record, learner_record, microcredential_record, organisation_record
from ..conf import app_settings
from ..formats.ob3 import build_ob3_credential, validate_ob3_schema
from ..issuance.ob3 import CredentialBuildError
from ..issuance.signing import sign_data_integrity
from ..models import IssuedCredential
from ..models.oid4vci import CredentialOffer, HolderCredential
from ..status.service import status_entry


def build_holder_copy(original: IssuedCredential, *, holder_did: str, now: datetime) -> tuple[dict, object]:
    """The signed copy of ``original`` naming ``holder_did``, and the issuer key that signed it."""
    award = original.award
    version = award.version
    organisation = version.microcredential.organisation
    copy_uuid = uuid.uuid4()
    record = dataclasses.replace(award_record(award, credential_uuid=copy_uuid),
                                 public_url=identity.credential_page_url(original.id))
    unsigned = build_ob3_credential(
        award=record, microcredential=microcredential_record(version),
        learner=dataclasses.replace(learner_record(award.learner), subject_id=holder_did),
        issuer=organisation_record(organisation),
        status_entries=[status_entry(original.status_list, original.status_index)],
        identity_salt=app_settings.IDENTITY_HASH_SALT, now=now)
    problems = validate_ob3_schema(unsigned)
    if problems:
        raise CredentialBuildError("The wallet copy does not match the 1EdTech schema: " + "; ".join(problems[:5]))
    return sign_data_integrity(unsigned, organisation, now=now)


def issue_holder_copy(offer: CredentialOffer, *, holder_did: str, now: datetime) -> HolderCredential:
    """Build, sign and store the holder-bound copy of the offer's credential (inside the caller's transaction)."""
    original = (IssuedCredential.objects
                .select_related("award__learner", "award__version__microcredential__organisation", "status_list")
                .get(pk=offer.credential_id))
    signed, key = build_holder_copy(original, holder_did=holder_did, now=now)
    return HolderCredential.objects.create(
        original=original, offer=offer, holder_did=holder_did, credential_id=signed["id"],
        payload=json.dumps(signed, ensure_ascii=False, separators=(",", ":")), key=key, issued_at=now)

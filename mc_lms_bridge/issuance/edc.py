"""Issue the Europass EDC credential of an award: build from the same records, validate (SHACL), JAdES-seal."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from urllib.request import Request, urlopen

from .. import sealstore
from ..badges.page_fast import credential_page_png_fast
from ..catalogue.records import award_record
from ..conf import app_settings
from ..crypto.jades import seal_jades
from ..crypto.tsa import TimestampClient, TimestampError
from ..formats.edc import build_edc_credential, missing_elements
from ..formats.edc.builder import display_languages
from ..formats.edc.errors import EdcBuildError, EdcValidationError
from ..formats.edc.template_cache import personal_values, validate_edc_fast
from ..models import Award, CredentialFormat, IssuedCredential
from ..pathways import format_hooks
from .inputs import IssuanceInputs


class SealNotConfigured(Exception):
    """The issuing organisation has no e-seal to seal Europass credentials with."""


class TimestampUnavailable(Exception):
    """The configured timestamp authority did not answer usefully; the seal is retried later."""


def http_post(url: str, body: bytes, headers: dict) -> bytes:
    """POST to the configured timestamp authority (the only outbound call, and only when configured)."""
    with urlopen(Request(url, data=body, headers=headers, method="POST"), timeout=20) as response:  # noqa: S310
        return response.read()


def timestamp_client() -> TimestampClient | None:
    url = app_settings.TIMESTAMP_AUTHORITY_URL
    return TimestampClient(url, http_post) if url else None


def display_image(award: Award, microcredential) -> bytes:
    """The rendered credential page (PNG) that Europass shows as the credential's displayParameter image."""
    return credential_page_png_fast(microcredential, str(award.learner), award.awarded_at.date(),
                                    style=award.version.microcredential.badge_style())


def issue_edc(inputs: IssuanceInputs, *, now: datetime) -> IssuedCredential:
    """Build, validate and seal the EDC credential of an award (inside the caller's transaction)."""
    award, organisation = inputs.award, inputs.organisation
    seal = sealstore.active_seal(organisation)
    if seal is None:
        raise SealNotConfigured(
            f"{organisation.slug} has no e-seal: import one with `mc-bridge manage eseal import {organisation.slug} "
            "--pkcs12 FILE` (or create a development seal) before issuing Europass credentials.")
    material = sealstore.open_seal(seal, now=now)
    credential_uuid = uuid.uuid4()
    records = {"award": award_record(award, credential_uuid=credential_uuid),
               "microcredential": inputs.microcredential, "learner": inputs.learner}
    missing = missing_elements(records["microcredential"], records["learner"], records["award"])
    if missing:
        raise EdcBuildError("The Europass credential lacks mandatory elements: " + ", ".join(missing) + ".")
    credential = build_edc_credential(**records, issuer=inputs.issuer, now=now,
                                      display_image_png=display_image(award, records["microcredential"]))
    if inputs.stacks_pathway:
        credential = format_hooks.stacked_edc(credential, award, display_languages(inputs.microcredential))
    learner = records["learner"]
    personal = personal_values([learner.given_name, learner.family_name, learner.full_name, award.grade],
                               emails=[learner.email])
    report = validate_edc_fast(credential, personal)
    if not report.conforms:
        raise EdcValidationError(report.violations)
    payload = json.dumps(credential, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        sealed = seal_jades(payload, material, signing_time=now, timestamp_client=timestamp_client())
    except (OSError, TimestampError) as exc:  # URLError is an OSError
        raise TimestampUnavailable(f"The timestamp authority could not be used: {exc}.") from exc
    return IssuedCredential.objects.create(
        id=credential_uuid, award=award, format=CredentialFormat.EDC_JADES, credential_id=credential["id"],
        payload=json.dumps(sealed, ensure_ascii=False), issued_at=now)

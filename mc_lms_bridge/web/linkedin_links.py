"""LinkedIn "Add to profile" and "Share" links of an award's public page (None when they cannot be built)."""

from __future__ import annotations

from datetime import datetime

from .. import identity
from ..sharing.linkedin import LinkedInLinkError, add_to_profile_url, share_url
from .lookup import CredentialBundle


def _valid_until(credential: dict) -> datetime | None:
    text = credential.get("validUntil")
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def linkedin_links(bundle: CredentialBundle, credential: dict) -> dict | None:
    """{"add": url, "share": url}; certUrl is the public page, certId the credential's UUID.

    The organisation is LinkedIn's numeric id when the organisation has one, else its name. None when the
    service's base URL is not https (LinkedIn refuses other certificate URLs).
    """
    organisation = bundle.award.version.microcredential.organisation
    page = identity.credential_page_url(bundle.page_id)
    try:
        return {
            "add": add_to_profile_url(
                name=credential.get("name") or (credential.get("credentialSubject") or {}).get("achievement", {})
                .get("name", ""),
                organization_id=organisation.linkedin_organization_id or None,
                organization_name=organisation.display_name,
                issued_at=bundle.primary.issued_at, expires_at=_valid_until(credential),
                cert_url=page, cert_id=str(bundle.page_id)),
            "share": share_url(page),
        }
    except LinkedInLinkError:
        return None

"""OB3 Profile objects for issuers and awarding bodies (embedded, and as a standalone document)."""

from __future__ import annotations

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.record import OrganisationRecord

from .errors import OB3RecordError
from .text import required_text_in

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
LEGAL_IDENTIFIER_TYPE = "ext:LegalIdentifier"


def build_address(organisation: OrganisationRecord, language: str) -> dict:
    """Return the OB3 Address carrying the organisation's country (name and ISO code) and region."""
    country = vocab.get("country").concept(organisation.country)
    address = {
        "type": ["Address"],
        "addressCountry": country.label(language),
        "addressCountryCode": country.code,
    }
    if organisation.region:
        address["addressRegion"] = organisation.region
    return address


def build_profile(organisation: OrganisationRecord, language: str) -> dict:
    """Return the OB3 Profile of an organisation, with its names in ``language``."""
    if not organisation.did:
        raise OB3RecordError(f"Organisation {organisation.id} has no DID to identify it in a credential.")
    profile = {
        "id": organisation.did,
        "type": ["Profile"],
        "name": required_text_in(organisation.legal_name, language, f"legal name of {organisation.id}"),
    }
    if organisation.homepage:
        profile["url"] = organisation.homepage
    if organisation.email:
        profile["email"] = organisation.email
    profile["address"] = build_address(organisation, language)
    if organisation.logo_url:
        profile["image"] = {"id": organisation.logo_url, "type": "Image"}
    if organisation.legal_identifier:
        profile["otherIdentifier"] = [
            {
                "type": "IdentifierEntry",
                "identifier": organisation.legal_identifier,
                "identifierType": LEGAL_IDENTIFIER_TYPE,
            }
        ]
    return profile


def build_issuer_profile(issuer: OrganisationRecord, language: str | None = None) -> dict:
    """Return the standalone OB3 Profile document served at ``issuer.profile_url``."""
    chosen = language or next(iter(issuer.legal_name), "en")
    return {"@context": [VC_V2_CONTEXT, OB3_CONTEXT], **build_profile(issuer, chosen)}

"""ELM ``Organisation`` nodes for the issuer, the awarding bodies and the quality-assurance body."""

from __future__ import annotations

from collections.abc import Sequence

from mc_lms_bridge.formats.edc.concepts import country_concept
from mc_lms_bridge.formats.edc.ids import epass_id
from mc_lms_bridge.formats.edc.text import language_map, same_text_in
from mc_lms_bridge.formats.record import OrganisationRecord


def location_node(owner_id: str, country: str) -> dict:
    """A ``Location`` whose ``Address`` carries the mandatory country concept."""
    return {
        "id": epass_id("location", owner_id),
        "type": "Location",
        "address": {
            "id": epass_id("address", owner_id),
            "type": "Address",
            "countryCode": country_concept(country),
        },
    }


def web_resource_node(owner_id: str, url: str) -> dict:
    """A ``WebResource`` pointing at ``url``."""
    return {"id": epass_id("webResource", owner_id, url), "type": "WebResource", "contentURL": url}


def email_contact_node(owner_id: str, email: str) -> dict:
    """A ``ContactPoint`` with one ``Mailbox``."""
    return {
        "id": epass_id("contactPoint", owner_id, email),
        "type": "ContactPoint",
        "emailAddress": [{"id": f"mailto:{email}", "type": "Mailbox"}],
    }


def legal_identifier_node(org: OrganisationRecord) -> dict:
    """The eIDAS ``LegalIdentifier`` of an organisation, with the issuing country as ``spatial``."""
    return {
        "id": epass_id("legalIdentifier", org.id),
        "type": "LegalIdentifier",
        "notation": org.legal_identifier,
        "spatial": country_concept(org.country),
    }


def organisation_node(org: OrganisationRecord) -> dict:
    """An ``Organisation``: legal name, eIDAS identifier, country, and homepage/e-mail when known."""
    node: dict = {
        "id": epass_id("org", org.id),
        "type": "Organisation",
        "legalName": language_map(org.legal_name),
        "location": [location_node(org.id, org.country)],
    }
    if org.legal_identifier:
        node["eIDASIdentifier"] = legal_identifier_node(org)
    if org.homepage:
        node["homepage"] = [web_resource_node(org.id, org.homepage)]
    if org.email:
        node["contactPoint"] = [email_contact_node(org.id, org.email)]
    return node


def named_body_node(name: str, *, country: str, languages: Sequence[str]) -> dict:
    """An ``Organisation`` known only by name (a QA agency); its country is assumed to be ``country``."""
    body_key = f"named-body:{name}:{country}"
    return {
        "id": epass_id("org", body_key),
        "type": "Organisation",
        "legalName": same_text_in(languages, name),
        "location": [location_node(body_key, country)],
    }

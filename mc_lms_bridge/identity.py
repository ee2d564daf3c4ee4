"""Issuer identity: did:web identifiers, DID documents and URLs of what the service publishes."""

from __future__ import annotations

from urllib.parse import quote, urlparse

from .conf import app_settings
from .models import IssuerKey, KeyAlgorithm, Organisation

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def base_url() -> str:
    return app_settings.BASE_URL.rstrip("/")


def host_did() -> str:
    """did:web of the service (port percent-encoded; a BASE_URL path such as /mc-bridge adds segments)."""
    parsed = urlparse(base_url())
    segments = [quote(parsed.netloc, safe="")] + [part for part in parsed.path.split("/") if part]
    return "did:web:" + ":".join(segments)


def organisation_did(organisation: Organisation) -> str:
    """Path-based did:web of an organisation: resolves to BASE_URL/orgs/<slug>/did.json."""
    return f"{host_did()}:orgs:{organisation.slug}"


def verification_method_id(key: IssuerKey) -> str:
    return f"{organisation_did(key.organisation)}#{key.key_id}"


def organisation_url(organisation: Organisation, suffix: str = "") -> str:
    return f"{base_url()}/orgs/{organisation.slug}/{suffix}"


def profile_url(organisation: Organisation) -> str:
    return organisation_url(organisation, "profile.json")


def status_list_url(organisation: Organisation, purpose: str, sequence: int) -> str:
    return organisation_url(organisation, f"status/{purpose}/{sequence}")


def achievement_url(microcredential, version: int) -> str:
    return f"{base_url()}/orgs/{microcredential.organisation.slug}/achievements/{microcredential.slug}/v{version}"


def credential_page_url(credential_uuid) -> str:
    return f"{base_url()}/c/{credential_uuid}"


def verification_method(key: IssuerKey) -> dict:
    method = {"id": verification_method_id(key), "controller": organisation_did(key.organisation)}
    if key.algorithm == KeyAlgorithm.ED25519:
        return {**method, "type": "Multikey", "publicKeyMultibase": key.public_multikey}
    return {**method, "type": "JsonWebKey", "publicKeyJwk": {k: v for k, v in key.public_jwk.items() if k != "kid"}}


def did_document(organisation: Organisation) -> dict:
    """The organisation's DID document: every key it ever signed with (retired keys keep verifying)."""
    keys = list(IssuerKey.objects.filter(organisation=organisation).order_by("created_at"))
    ids = [verification_method_id(key) for key in keys]
    return {
        "@context": DID_CONTEXTS,
        "id": organisation_did(organisation),
        "verificationMethod": [verification_method(key) for key in keys],
        "assertionMethod": ids,
        "authentication": ids,
    }


def host_did_document() -> dict:
    """The host's DID document (/.well-known/did.json): the organisations it serves, as services."""
    return {
        "@context": DID_CONTEXTS,
        "id": host_did(),
        "service": [{"id": f"{host_did()}#org-{org.slug}", "type": "LinkedDomains",
                     "serviceEndpoint": organisation_url(org)} for org in Organisation.objects.order_by("slug")],
    }

"""Credential issuer metadata and OAuth authorization server metadata of this service (one issuer identifier)."""

from __future__ import annotations

from .. import identity
from ..formats.ob3.builder import OB3_CONTEXTS, OB3_CREDENTIAL_TYPES
from .config import CONFIGURATION_ID, CREDENTIAL_FORMAT, PRE_AUTHORIZED_GRANT, PROOF_ALGORITHMS

BINDING_METHODS = ("did:key", "did:jwk", "jwk")


def issuer_identifier() -> str:
    """The Credential Issuer Identifier (also the authorization server issuer): BASE_URL."""
    return identity.base_url()


def endpoint(name: str) -> str:
    """Absolute URL of an OpenID4VCI endpoint of this service (token, nonce, credential, offers)."""
    return f"{identity.base_url()}/oid4vci/{name}"


def credential_configuration() -> dict:
    """The one configuration offered: an Open Badges 3.0 credential with a Data Integrity proof."""
    return {
        "format": CREDENTIAL_FORMAT,
        "cryptographic_binding_methods_supported": list(BINDING_METHODS),
        "credential_signing_alg_values_supported": ["eddsa-rdfc-2022"],
        "proof_types_supported": {"jwt": {"proof_signing_alg_values_supported": list(PROOF_ALGORITHMS)}},
        "credential_definition": {"@context": list(OB3_CONTEXTS), "type": list(OB3_CREDENTIAL_TYPES)},
        "credential_metadata": {"display": [{
            "name": "EU micro-credential (Open Badge)", "locale": "en",
            "description": "An Open Badges 3.0 credential carrying the EU standard elements of a micro-credential.",
            "background_color": "#003399", "text_color": "#FFFFFF"}]},
    }


def credential_issuer_metadata() -> dict:
    """The document served at /.well-known/openid-credential-issuer."""
    return {
        "credential_issuer": issuer_identifier(),
        "credential_endpoint": endpoint("credential"),
        "nonce_endpoint": endpoint("nonce"),
        "display": [{"name": "mc-lms-bridge micro-credentials", "locale": "en"}],
        "credential_configurations_supported": {CONFIGURATION_ID: credential_configuration()},
    }


def authorization_server_metadata() -> dict:
    """RFC 8414 metadata served at /.well-known/oauth-authorization-server (pre-authorized code only)."""
    return {
        "issuer": issuer_identifier(),
        "token_endpoint": endpoint("token"),
        "grant_types_supported": [PRE_AUTHORIZED_GRANT],
        "response_types_supported": [],
        "token_endpoint_auth_methods_supported": ["none"],
        "pre-authorized_grant_anonymous_access_supported": True,
    }

"""Fixed OpenID4VCI values and the lifetimes read lazily from MC_LMS_BRIDGE (OID4VCI_* keys)."""

from __future__ import annotations

from django.conf import settings

PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
PROOF_TYP = "openid4vci-proof+jwt"
PROOF_ALGORITHMS = ("ES256", "EdDSA")
CONFIGURATION_ID = "OpenBadgeCredential_ldp_vc"
CREDENTIAL_FORMAT = "ldp_vc"
TX_CODE_LENGTH = 6
MAX_TX_CODE_FAILURES = 5

DEFAULTS = {
    "OID4VCI_OFFER_SECONDS": 600,
    "OID4VCI_ACCESS_TOKEN_SECONDS": 300,
    "OID4VCI_NONCE_SECONDS": 300,
    "OID4VCI_PROOF_MAX_AGE_SECONDS": 300,
    "OID4VCI_CLOCK_SKEW_SECONDS": 30,
}


def seconds(name: str) -> int:
    """A lifetime in seconds: MC_LMS_BRIDGE[name] if set, else the default above."""
    configured = (getattr(settings, "MC_LMS_BRIDGE", None) or {}).get(name)
    return int(configured) if configured is not None else DEFAULTS[name]

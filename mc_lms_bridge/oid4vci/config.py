"""Fixed OpenID4VCI values, and the lifetimes read lazily from MC_LMS_BRIDGE (OID4VCI_* keys)."""

from __future__ import annotations

from ..conf import app_settings

PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
PROOF_TYP = "openid4vci-proof+jwt"
PROOF_ALGORITHMS = ("ES256", "EdDSA")
CONFIGURATION_ID = "OpenBadgeCredential_ldp_vc"
CREDENTIAL_FORMAT = "ldp_vc"
TX_CODE_LENGTH = 6
MAX_TX_CODE_FAILURES = 5

def seconds(name: str) -> int:
    """A lifetime in seconds from MC_LMS_BRIDGE (defaults in mc_lms_bridge.conf.DEFAULTS)."""
    return int(getattr(app_settings, name))

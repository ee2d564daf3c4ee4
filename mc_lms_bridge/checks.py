"""Django system checks for mc-lms-bridge settings, with stable ids mc_lms_bridge.E001..."""

from __future__ import annotations

from urllib.parse import urlparse

from django.core import checks

from .conf import DEFAULTS, IMPORT_STRINGS, SETTINGS_NAME, ImproperlyConfiguredPlugin, app_settings

MIN_SECRET_LENGTH = 32


@checks.register("mc_lms_bridge")
def check_settings(app_configs=None, **kwargs):
    """Validate MC_LMS_BRIDGE: required secrets present, URLs well formed, plug-ins importable."""
    errors = []
    unknown = sorted(set(app_settings.user_settings) - set(DEFAULTS))
    if unknown:
        errors.append(checks.Error(
            f"{SETTINGS_NAME} has unknown keys: {', '.join(unknown)}.",
            hint="See docs/settings.md for the supported settings.", id="mc_lms_bridge.E001"))
    secret = app_settings.raw("KEY_ENCRYPTION_SECRET")
    if not secret or len(str(secret)) < MIN_SECRET_LENGTH:
        errors.append(checks.Error(
            f"{SETTINGS_NAME}['KEY_ENCRYPTION_SECRET'] must be a secret of at least {MIN_SECRET_LENGTH} characters.",
            hint="It encrypts issuer private keys at rest; keep it out of the repository.",
            id="mc_lms_bridge.E002"))
    base_url = urlparse(str(app_settings.raw("BASE_URL") or ""))
    if (base_url.scheme not in ("http", "https") or not base_url.netloc or base_url.query or base_url.fragment
            or ":" in base_url.path):
        errors.append(checks.Error(
            f"{SETTINGS_NAME}['BASE_URL'] must be an absolute http(s) URL (optionally with the app's mount path), "
            f"got {app_settings.raw('BASE_URL')!r}.", id="mc_lms_bridge.E003"))
    salt = app_settings.raw("IDENTITY_HASH_SALT")
    if not salt:
        errors.append(checks.Error(
            f"{SETTINGS_NAME}['IDENTITY_HASH_SALT'] is required: it salts hashed learner e-mails in credentials.",
            id="mc_lms_bridge.E004"))
    for name in IMPORT_STRINGS:
        try:
            getattr(app_settings, name)
        except ImproperlyConfiguredPlugin as exc:
            errors.append(checks.Error(str(exc), id="mc_lms_bridge.E005"))
    max_bytes = app_settings.raw("MAX_REQUEST_BYTES")
    if not isinstance(max_bytes, int) or max_bytes < 1024:
        errors.append(checks.Error(
            f"{SETTINGS_NAME}['MAX_REQUEST_BYTES'] must be an integer of at least 1024.", id="mc_lms_bridge.E006"))
    if app_settings.raw("STATUS_PURPOSE") not in ("revocation", "suspension"):
        errors.append(checks.Error(
            f"{SETTINGS_NAME}['STATUS_PURPOSE'] must be 'revocation' or 'suspension'.", id="mc_lms_bridge.E007"))
    if app_settings.raw("JWT_ALGORITHM") not in ("ES256", "RS256"):
        errors.append(checks.Error(
            f"{SETTINGS_NAME}['JWT_ALGORITHM'] must be 'ES256' or 'RS256'.", id="mc_lms_bridge.E008"))
    if base_url.scheme == "http" and base_url.hostname not in ("localhost", "127.0.0.1", "testserver"):
        errors.append(checks.Warning(
            "BASE_URL uses plain http: did:web identifiers and credential links need https in production.",
            id="mc_lms_bridge.W001"))
    return errors

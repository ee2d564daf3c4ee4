"""The one settings object of mc-lms-bridge: ``app_settings`` over ``settings.MC_LMS_BRIDGE``, read lazily."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed

SETTINGS_NAME = "MC_LMS_BRIDGE"

#: Every setting with its default. Documented in docs/settings.md.
DEFAULTS: dict[str, Any] = {
    # Public https base URL of this service; issuer DIDs, credential ids and links derive from it.
    "BASE_URL": "http://localhost:8000",
    # Secret from which the key-encryption key (KEK) for private keys at rest is derived. Required.
    "KEY_ENCRYPTION_SECRET": None,
    # Dotted path of a key backend class (contract: mc_lms_bridge.crypto.keys.KeyBackend).
    "KEY_BACKEND": None,  # None = built-in encrypted database key store
    # Salt mixed into hashed learner e-mail addresses in credentials (IdentityObject).
    "IDENTITY_HASH_SALT": None,
    # Credential formats issued for every award (dotted paths to format plug-ins).
    "CREDENTIAL_FORMATS": [],
    # Connectors that turn LMS data into normalized completions (dotted paths).
    "CONNECTORS": [],
    # Delivery channels for issued credentials (dotted paths).
    "DELIVERY_CHANNELS": [],
    # Purpose of the one status entry each Open Badges credential carries: "revocation" (permanent) or
    # "suspension" (reversible; revoking then sets the bit for good).
    "STATUS_PURPOSE": "revocation",
    # Algorithm of the VC-JWT form of each Open Badges credential: "ES256" or "RS256".
    "JWT_ALGORITHM": "ES256",
    # RFC 3161 timestamp authority for JAdES B-T seals of Europass credentials; None = baseline B-B.
    "TIMESTAMP_AUTHORITY_URL": None,
    # PEM files of certificates that JAdES seals may chain to (qualified trust anchors); development seals of
    # this service's own organisations are always trusted.
    "EDC_TRUST_ANCHORS": [],
    # Fetcher class for other issuers' documents when verifying their credentials (dotted path; None = only
    # this service's own documents). Contract: knows(url) -> bool, fetch(url) -> dict, raises FetchError.
    "REMOTE_FETCHER": "mc_lms_bridge.verification.http_fetcher.HttpsFetcher",
    # Issue Europass EDC credentials too (needs an e-seal per organisation).
    "ISSUE_EDC": True,
    # Work waiting longer than this (seconds) is re-queued by the reconciliation task.
    "RECONCILE_AFTER_SECONDS": 300,
    # Open edX: name of this installation in CompletionEvent.platform_instance (default: LMS_ROOT_URL).
    "OPENEDX_PLATFORM_INSTANCE": None,
    # Moodle web services: HTTP timeout (s), poll interval per course (min), request cap per poll run,
    # enrolled-users page size, poll only active enrolments, webhook replay window (s) and body limit (bytes).
    "MOODLE_HTTP_TIMEOUT": 10.0,
    "MOODLE_POLL_INTERVAL_MINUTES": 60,
    "MOODLE_POLL_MAX_REQUESTS": 100,
    "MOODLE_ENROLLED_PAGE_SIZE": 1000,
    "MOODLE_POLL_ONLY_ACTIVE": False,
    "MOODLE_WEBHOOK_MAX_AGE": 300,
    "MOODLE_WEBHOOK_MAX_BYTES": 65536,
    # OpenID4VCI wallet pickup: lifetimes of offers, access tokens and nonces, accepted proof age and clock skew (s).
    "OID4VCI_OFFER_SECONDS": 600,
    "OID4VCI_ACCESS_TOKEN_SECONDS": 300,
    "OID4VCI_NONCE_SECONDS": 300,
    "OID4VCI_PROOF_MAX_AGE_SECONDS": 300,
    "OID4VCI_CLOCK_SKEW_SECONDS": 30,
    # Largest accepted JSON request body for the REST API, in bytes.
    "MAX_REQUEST_BYTES": 512 * 1024,
    # Page size of list endpoints.
    "API_PAGE_SIZE": 50,
    # Maximum number of learning outcomes per micro-credential.
    "MAX_LEARNING_OUTCOMES": 50,
}

#: Settings holding dotted paths that are imported on access.
IMPORT_STRINGS = ("KEY_BACKEND", "CREDENTIAL_FORMATS", "CONNECTORS", "DELIVERY_CHANNELS", "REMOTE_FETCHER")


class ImproperlyConfiguredPlugin(ImportError):
    """A dotted path in MC_LMS_BRIDGE does not name an importable object."""


def import_from_string(dotted_path: str, setting_name: str):
    """Import ``package.module.Name`` named by a setting, with an error naming the setting."""
    module_path, _, attribute = dotted_path.rpartition(".")
    try:
        return getattr(import_module(module_path), attribute)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ImproperlyConfiguredPlugin(
            f"MC_LMS_BRIDGE['{setting_name}'] names {dotted_path!r}, which cannot be imported: {exc}."
        ) from exc


class AppSettings:
    """Attribute access to MC_LMS_BRIDGE with defaults; import strings resolved on first access."""

    def __init__(self, defaults: dict[str, Any], import_strings: tuple[str, ...]):
        self._defaults = defaults
        self._import_strings = import_strings
        self._cache: dict[str, Any] = {}

    @property
    def user_settings(self) -> dict[str, Any]:
        return getattr(settings, SETTINGS_NAME, {}) or {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._defaults:
            raise AttributeError(f"Unknown mc-lms-bridge setting: {name!r}.")
        if name in self._cache:
            return self._cache[name]
        value = self.user_settings.get(name, self._defaults[name])
        if name in self._import_strings and value is not None:
            if isinstance(value, str):
                value = import_from_string(value, name)
            else:
                value = [import_from_string(item, name) for item in value]
        self._cache[name] = value
        return value

    def raw(self, name: str) -> Any:
        """The configured value without importing dotted paths (for system checks)."""
        return self.user_settings.get(name, self._defaults[name])

    def reload(self) -> None:
        self._cache.clear()


app_settings = AppSettings(DEFAULTS, IMPORT_STRINGS)


def _reload_on_change(*, setting: str, **kwargs) -> None:
    if setting == SETTINGS_NAME:
        app_settings.reload()


setting_changed.connect(_reload_on_change)

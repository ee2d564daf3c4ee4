"""The platform_instance name of this Open edX installation: a configured name, else the LMS base URL."""

from __future__ import annotations

from django.conf import settings

from ...conf import app_settings
from ..base import ConnectorError

PLATFORM = "openedx"

#: Key in MC_LMS_BRIDGE that names this installation explicitly (overrides LMS_ROOT_URL).
INSTANCE_SETTING = "OPENEDX_PLATFORM_INSTANCE"
MAX_LENGTH = 200  # CompletionEvent.platform_instance / CourseTag.platform_instance


def platform_instance() -> str:
    """Return the stable name of this LMS; the same in web workers, Celery workers and event-bus consumers.

    It deliberately ignores per-site configuration (site_configuration's LMS_ROOT_URL): an event-bus
    consumer has no request and therefore no site, and the inbox key must not depend on where an event
    happened to be processed.
    """
    configured = app_settings.user_settings.get(INSTANCE_SETTING) or getattr(settings, "LMS_ROOT_URL", "") or ""
    name = str(configured).strip().rstrip("/")
    if not name:
        raise ConnectorError(f"Set MC_LMS_BRIDGE['{INSTANCE_SETTING}'] or LMS_ROOT_URL to name this Open edX "
                             "installation.")
    if len(name) > MAX_LENGTH:
        raise ConnectorError(f"The Open edX platform instance name is longer than {MAX_LENGTH} characters.")
    return name

"""DRF authentication of Moodle webhook deliveries: known site, HMAC signature, fresh timestamp, size limit."""

from __future__ import annotations

import time
import uuid

from rest_framework import authentication, exceptions, status

from ...api.authentication import MachineUser
from ...api.parsers import PayloadTooLarge
from ...models.moodle import MoodleSite
from .client import normalize_base_url
from .settings import moodle_setting
from .signing import BadSignature, MalformedHeader, MissingSignature, StaleTimestamp, verify

SITE_HEADER = "HTTP_X_MC_BRIDGE_SITE"
TIMESTAMP_HEADER = "HTTP_X_MC_BRIDGE_TIMESTAMP"
SIGNATURE_HEADER = "HTTP_X_MC_BRIDGE_SIGNATURE"
SCHEME = "MC-Bridge-HMAC-SHA256"


class StaleDelivery(exceptions.APIException):
    """Correctly signed, but the timestamp is outside the replay window: 400 (not 408, which is a timeout)."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "stale_timestamp"


class SignedSite(MachineUser):
    """The request user of a verified delivery, acting for one Moodle site."""

    def __init__(self, site: MoodleSite):
        self.site = site

    def __str__(self) -> str:
        return f"moodle-site:{self.site.base_url}"


def find_site(value: str) -> MoodleSite | None:
    """The active site named by X-MC-Bridge-Site: its id (UUID) or its base URL."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return MoodleSite.objects.filter(pk=uuid.UUID(value), active=True).first()
    except ValueError:
        pass
    try:
        return MoodleSite.objects.filter(base_url=normalize_base_url(value), active=True).first()
    except ValueError:
        return None


def _body(request, limit: int) -> bytes:
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise exceptions.ParseError("Content-Length is not a number.")
    if declared > limit:
        raise PayloadTooLarge(f"Request body is {declared} bytes; the limit is {limit} bytes.")
    return request._request.body  # Django reads at most Content-Length bytes


class MoodleWebhookAuthentication(authentication.BaseAuthentication):
    """Every delivery must be signed: missing or wrong signature 401, unknown site 403, stale timestamp 400."""

    def authenticate(self, request):
        site = find_site(request.META.get(SITE_HEADER, ""))
        if site is None:
            raise exceptions.PermissionDenied("Unknown or inactive Moodle site in X-MC-Bridge-Site.")
        secret = site.webhook_secret()
        if not secret:
            raise exceptions.PermissionDenied("The webhook is not enabled for this Moodle site.")
        body = _body(request, int(moodle_setting("MOODLE_WEBHOOK_MAX_BYTES")))
        try:
            verify(secret, timestamp=request.META.get(TIMESTAMP_HEADER), signature=request.META.get(SIGNATURE_HEADER),
                   body=body, now=time.time(), max_age=int(moodle_setting("MOODLE_WEBHOOK_MAX_AGE")))
        except (MissingSignature, MalformedHeader, BadSignature) as exc:
            raise exceptions.AuthenticationFailed(str(exc))
        except StaleTimestamp as exc:
            raise StaleDelivery(str(exc))
        return SignedSite(site), site

    def authenticate_header(self, request):
        return SCHEME

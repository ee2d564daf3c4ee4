"""API token authentication: ``Authorization: Bearer mcb_...`` acting for one organisation."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from rest_framework import authentication, exceptions

from ..models import ApiToken

#: ``last_used_at`` is kept to this precision, so a busy token is not rewritten on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """Authenticate a request by a per-organisation API token; ``request.auth`` becomes the ApiToken."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _, raw = header.partition(" ")
        if keyword not in (self.keyword, "Token"):
            return None
        raw = raw.strip()
        if not raw or " " in raw:
            raise exceptions.AuthenticationFailed("Malformed Authorization header: expected 'Bearer <token>'.")
        token = ApiToken.objects.active_for(raw)
        if token is None:
            raise exceptions.AuthenticationFailed("Unknown or revoked API token.")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return (TokenUser(token), token)

    def authenticate_header(self, request):
        return self.keyword


class MachineUser:
    """A request user that is a system, not a person: authenticated, never staff, no user row."""

    is_authenticated = True
    is_anonymous = False
    is_staff = False
    is_superuser = False
    is_active = True
    pk = None


class TokenUser(MachineUser):
    """The request user for token requests, bound to one organisation."""

    def __init__(self, token: ApiToken):
        self.token = token
        self.organisation = token.organisation

    def get_username(self) -> str:
        return f"token:{self.token.name}"

    def __str__(self) -> str:
        return self.get_username()


try:  # describe the token scheme in the OpenAPI schema
    from drf_spectacular.extensions import OpenApiAuthenticationExtension

    class ApiTokenAuthenticationScheme(OpenApiAuthenticationExtension):
        target_class = "mc_lms_bridge.api.authentication.ApiTokenAuthentication"
        name = "ApiToken"

        def get_security_definition(self, auto_schema):
            return {"type": "http", "scheme": "bearer", "description": "Per-organisation API token (mcb_...)."}
except ImportError:  # pragma: no cover - drf-spectacular is a dependency
    pass

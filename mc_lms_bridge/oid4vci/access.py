"""Bearer access tokens of the credential endpoint: DRF authentication and permission (RFC 6750 errors)."""

from __future__ import annotations

from django.utils import timezone
from rest_framework import authentication, permissions

from ..models.oid4vci import WalletAccessToken
from . import hashing
from .errors import invalid_token


class WalletTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <access token>`` from the token endpoint; ``request.auth`` becomes the token row."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        scheme, _, raw = header.partition(" ")
        raw = raw.strip()
        if scheme.lower() != "bearer" or not raw or " " in raw or len(raw) > 200:
            raise invalid_token("Send the access token as 'Authorization: Bearer <token>'.")
        token = (WalletAccessToken.objects.select_related("offer")
                 .filter(token_hash=hashing.sha256_hex(raw)).first())
        if token is None or token.used_at is not None or token.expires_at <= timezone.now():
            raise invalid_token("The access token is unknown, expired or already used.")
        return (None, token)

    def authenticate_header(self, request):
        return "Bearer"


class HoldsWalletToken(permissions.BasePermission):
    """Only a request authenticated by a wallet access token may reach the credential endpoint."""

    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, WalletAccessToken)

"""Tool key pair: RS256 keys sealed at rest, rotation with a grace period, the public JWKS and JWT signing."""

from __future__ import annotations

import secrets
from datetime import timedelta

import jwt
from django.db import transaction
from django.utils import timezone

from mc_lms_bridge.crypto import keys as key_crypto
from mc_lms_bridge.keystore import key_encryption_key

from .conf import lti_settings
from .models import LtiToolKey


def _blob_ref(kid: str) -> str:
    return f"lti-tool#{kid}"


@transaction.atomic
def create_key() -> LtiToolKey:
    """Generate a new RS256 key; it becomes the signing key."""
    kid = f"lti-{timezone.now():%Y%m%d}-{secrets.token_hex(4)}"
    private_key = key_crypto.generate_private_key(key_crypto.RS256)
    jwk = {**key_crypto.public_jwk(private_key, kid=kid), "alg": "RS256", "use": "sig"}
    sealed = key_crypto.seal_private_key(private_key, key_encryption_key(), key_id=_blob_ref(kid))
    return LtiToolKey.objects.create(kid=kid, public_jwk=jwk, encrypted_private_key=sealed)


@transaction.atomic
def rotate() -> LtiToolKey:
    """Retire the current key (it stays in the JWKS for RETIRED_KEY_DAYS) and create a new signing key."""
    LtiToolKey.objects.select_for_update().filter(retired_at__isnull=True).update(retired_at=timezone.now())
    return create_key()


def signing_key() -> LtiToolKey:
    """The newest active key, created on first use."""
    key = LtiToolKey.objects.filter(retired_at__isnull=True).order_by("-created_at").first()
    return key or create_key()


def public_jwks() -> dict:
    """Active keys plus keys retired less than RETIRED_KEY_DAYS ago."""
    cutoff = timezone.now() - timedelta(days=lti_settings.RETIRED_KEY_DAYS)
    published = LtiToolKey.objects.filter(retired_at__isnull=True) | LtiToolKey.objects.filter(retired_at__gt=cutoff)
    if not published.exists():
        signing_key()
        published = LtiToolKey.objects.all()
    return {"keys": [key.public_jwk for key in published.order_by("-created_at")]}


def sign(claims: dict) -> str:
    """Sign claims as a compact RS256 JWT with the current tool key (kid in the header)."""
    key = signing_key()
    private_key = key_crypto.open_private_key(bytes(key.encrypted_private_key), key_encryption_key(),
                                              key_id=_blob_ref(key.kid))
    return jwt.encode(claims, private_key, algorithm="RS256", headers={"kid": key.kid})

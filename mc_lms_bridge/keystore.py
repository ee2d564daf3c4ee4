"""Issuer key store: create, rotate and open organisation keys kept encrypted in the database."""

from __future__ import annotations

import functools
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .conf import app_settings
from .crypto import keys as key_crypto
from .models import IssuerKey, KeyAlgorithm, Organisation

ALGORITHM_TAGS = {KeyAlgorithm.ED25519: "ed25519", KeyAlgorithm.ES256: "p256", KeyAlgorithm.RS256: "rsa"}


@functools.lru_cache(maxsize=4)
def _kek_for(secret: str) -> bytes:
    return key_crypto.derive_kek(secret)


def key_encryption_key() -> bytes:
    """The key-encryption key derived from MC_LMS_BRIDGE['KEY_ENCRYPTION_SECRET'] (cached per secret)."""
    return _kek_for(app_settings.KEY_ENCRYPTION_SECRET)


def _new_key_id(organisation: Organisation, algorithm: str, now: datetime) -> str:
    base = f"{ALGORITHM_TAGS[algorithm]}-{now:%Y%m%d}"
    existing = IssuerKey.objects.filter(organisation=organisation, key_id__startswith=base).count()
    return base if existing == 0 else f"{base}-{existing + 1}"


@transaction.atomic
def create_key(organisation: Organisation, algorithm: str, *, now: datetime | None = None) -> IssuerKey:
    """Generate a key, store the private part sealed under the KEK; it becomes the signing key."""
    if algorithm not in KeyAlgorithm.values:
        raise key_crypto.UnsupportedKeyAlgorithmError(
            f"Unsupported key algorithm {algorithm!r}; choose one of {', '.join(KeyAlgorithm.values)}.")
    now = now or timezone.now()
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    key_id = _new_key_id(organisation, algorithm, now)
    private_key = key_crypto.generate_private_key(algorithm)
    multikey = key_crypto.ed25519_public_multikey(private_key) if algorithm == KeyAlgorithm.ED25519 else ""
    blob_ref = f"{organisation.pk}#{key_id}"
    return IssuerKey.objects.create(
        organisation=organisation, algorithm=algorithm, key_id=key_id,
        public_jwk=key_crypto.public_jwk(private_key, kid=key_id), public_multikey=multikey,
        encrypted_private_key=key_crypto.seal_private_key(private_key, key_encryption_key(), key_id=blob_ref))


@transaction.atomic
def rotate(organisation: Organisation, algorithm: str) -> IssuerKey:
    """Create a new signing key and retire the previous one (which keeps verifying old credentials)."""
    now = timezone.now()
    IssuerKey.objects.filter(organisation=organisation, algorithm=algorithm, retired_at__isnull=True).update(
        retired_at=now)
    return create_key(organisation, algorithm, now=now)


def signing_key(organisation: Organisation, algorithm: str) -> IssuerKey:
    """The newest active key of that algorithm, created on first use."""
    key = (IssuerKey.objects.filter(organisation=organisation, algorithm=algorithm, retired_at__isnull=True)
           .order_by("-created_at").first())
    if key is None:
        return create_key(organisation, algorithm)
    key.organisation = organisation  # already loaded: verification_method_id() needs no second query
    return key


def private_key(key: IssuerKey):
    """Decrypt the private key for signing; raises KeyDecryptionError if the KEK is wrong."""
    blob_ref = f"{key.organisation_id}#{key.key_id}"
    return key_crypto.open_private_key(bytes(key.encrypted_private_key), key_encryption_key(), key_id=blob_ref)

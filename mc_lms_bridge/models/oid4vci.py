"""OpenID4VCI wallet pickup: offers, access tokens, nonces and holder-bound copies; secrets stored as hashes only."""

from __future__ import annotations

import uuid

from django.db import models

from .issued_credential import IssuedCredential
from .issuer_key import IssuerKey


class CredentialOffer(models.Model):
    """A single-use, expiring pre-authorized code for one issued credential (optionally guarded by a PIN)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    credential = models.ForeignKey(IssuedCredential, on_delete=models.PROTECT, related_name="wallet_offers")
    configuration_id = models.CharField(max_length=100)
    code_hash = models.CharField(max_length=64, unique=True, editable=False,
                                 help_text="SHA-256 of the pre-authorized code.")
    handle_hash = models.CharField(max_length=64, unique=True, editable=False,
                                   help_text="SHA-256 of the credential_offer_uri handle.")
    tx_code_hash = models.CharField(max_length=64, blank=True, editable=False,
                                    help_text="Keyed hash of the transaction code (PIN); empty when none.")
    tx_code_failures = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    redeemed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"offer {self.id} of {self.credential_id}"


class WalletAccessToken(models.Model):
    """A short-lived opaque access token for the credential endpoint, bound to one redeemed offer."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    offer = models.ForeignKey(CredentialOffer, on_delete=models.CASCADE, related_name="access_tokens")
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"access token of {self.offer_id}"


class WalletNonce(models.Model):
    """A c_nonce from the nonce endpoint: accepted once, before it expires."""

    value_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"nonce {self.value_hash[:8]}"


class HolderCredential(models.Model):
    """A copy of an issued OB3 credential naming the wallet's DID as subject; shares the original's status entry."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    original = models.ForeignKey(IssuedCredential, on_delete=models.PROTECT, related_name="holder_copies")
    offer = models.OneToOneField(CredentialOffer, on_delete=models.PROTECT, related_name="holder_copy")
    holder_did = models.CharField(max_length=2048)
    credential_id = models.CharField(max_length=200)
    payload = models.TextField(help_text="Exact JSON of the signed copy.")
    key = models.ForeignKey(IssuerKey, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField()

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"{self.credential_id} -> {self.holder_did[:40]}"

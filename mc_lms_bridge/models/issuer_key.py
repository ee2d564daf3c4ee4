"""IssuerKey: an organisation's signing key; the private part is stored encrypted (AES-GCM under the KEK)."""

from __future__ import annotations

import uuid

from django.db import models

from .organisation import Organisation


class KeyAlgorithm(models.TextChoices):
    ED25519 = "EdDSA", "Ed25519 (Data Integrity eddsa-rdfc-2022)"
    ES256 = "ES256", "ECDSA P-256 (VC-JWT)"
    RS256 = "RS256", "RSA (VC-JWT)"


class IssuerKey(models.Model):
    """One key of one organisation; the newest active key per algorithm signs, older ones keep verifying."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="keys")
    algorithm = models.CharField(max_length=8, choices=KeyAlgorithm.choices)
    key_id = models.CharField(max_length=80, help_text="Fragment of the verification method id in the DID document.")
    public_jwk = models.JSONField()
    public_multikey = models.CharField(max_length=120, blank=True)
    encrypted_private_key = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True, help_text="No longer signs; still verifies.")

    class Meta:
        app_label = "mc_lms_bridge"
        ordering = ["organisation", "algorithm", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key_id"], name="uniq_key_id_per_org")]

    def __str__(self) -> str:
        state = "retired" if self.retired_at else "active"
        return f"{self.organisation.slug}#{self.key_id} ({self.algorithm}, {state})"

    def __repr__(self) -> str:  # never show key material
        return f"<IssuerKey {self}>"

"""IssuedCredential: the exact signed bytes of one credential of an award, in one format, with its status."""

from __future__ import annotations

import uuid

from django.db import models

from .award import Award
from .issuer_key import IssuerKey
from .status_list import StatusList


class CredentialFormat(models.TextChoices):
    OB3_DATA_INTEGRITY = "ob3+di", "Open Badges 3.0, Data Integrity eddsa-rdfc-2022"
    OB3_JWT = "ob3+jwt", "Open Badges 3.0, VC-JWT"
    EDC_JADES = "edc+jades", "Europass EDC (ELM 3.2), JAdES seal"
    CLR_DATA_INTEGRITY = "clr+di", "CLR 2.0 (stacked pathway), Data Integrity eddsa-rdfc-2022"


class CredentialState(models.TextChoices):
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    REVOKED = "revoked", "Revoked"


class IssuedCredential(models.Model):
    """A credential as issued: never edited after signing except its status."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="credentials")
    format = models.CharField(max_length=12, choices=CredentialFormat.choices)
    credential_id = models.CharField(max_length=200, help_text="The id inside the credential (urn:uuid:...).")
    payload = models.TextField(help_text="Exact serialized credential as signed (JSON, compact JWS or JWS JSON).")
    key = models.ForeignKey(IssuerKey, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status_list = models.ForeignKey(StatusList, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status_index = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=CredentialState.choices, default=CredentialState.ACTIVE)
    issued_at = models.DateTimeField()

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [
            models.UniqueConstraint(fields=["award", "format"], name="one_credential_per_award_format"),
            models.UniqueConstraint(fields=["status_list", "status_index", "format"], name="uniq_status_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.credential_id} ({self.format}, {self.state})"

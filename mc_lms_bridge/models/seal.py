"""OrganisationSeal: an organisation's e-seal (certificate chain + private key encrypted at rest) for EDC."""

from __future__ import annotations

from django.db import models

from .organisation import Organisation


class OrganisationSeal(models.Model):
    """The e-seal used for JAdES seals of Europass credentials; the newest active one seals."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="seals")
    certificate_chain_pem = models.TextField(help_text="Leaf certificate first.")
    encrypted_private_key = models.BinaryField(editable=False)
    is_development = models.BooleanField(default=False, help_text="Self-signed, NOT a qualified e-seal.")
    subject = models.CharField(max_length=500)
    not_after = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mc_lms_bridge"
        ordering = ["organisation", "-created_at"]

    def __str__(self) -> str:
        kind = "development (not qualified)" if self.is_development else "e-seal"
        return f"{self.organisation.slug}: {kind} {self.subject}"

    def __repr__(self) -> str:
        return f"<OrganisationSeal {self}>"

"""StatusList: an organisation's W3C Bitstring Status List (one purpose, >= 131,072 entries, never reused)."""

from __future__ import annotations

from django.db import models

from .organisation import Organisation

DEFAULT_LIST_SIZE = 131072


class StatusPurpose(models.TextChoices):
    REVOCATION = "revocation", "Revocation (permanent)"
    SUSPENSION = "suspension", "Suspension (reversible)"


class StatusList(models.Model):
    """The bits of one status list, the allocation state, and the last signed list credential."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="status_lists")
    purpose = models.CharField(max_length=12, choices=StatusPurpose.choices)
    sequence = models.PositiveIntegerField(help_text="1, 2, ... per organisation and purpose; part of the URL.")
    size = models.PositiveIntegerField(default=DEFAULT_LIST_SIZE)
    bits = models.BinaryField()
    allocated = models.PositiveIntegerField(
        default=0, help_text="Indexes handed out (databases without sequences; PostgreSQL counts in a sequence).")
    full = models.BooleanField(default=False, help_text="Every index is handed out; new entries go to a new list.")
    permutation_multiplier = models.PositiveIntegerField(help_text="Odd; index = (m * n + o) mod size.")
    permutation_offset = models.PositiveIntegerField()
    signed_credential = models.TextField(blank=True, help_text="Exact JSON text of the last signed list credential.")
    signed_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(auto_now_add=True, help_text="Last bit change; re-sign when after signed_at.")

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [models.UniqueConstraint(fields=["organisation", "purpose", "sequence"],
                                               name="uniq_status_list_sequence")]

    def __str__(self) -> str:
        return f"{self.organisation.slug} {self.purpose} #{self.sequence}{' (full)' if self.full else ''}"

    @property
    def counter_sequence(self) -> str:
        """Name of the PostgreSQL sequence that hands out this list's allocation counter."""
        return f"mc_lms_bridge_status_list_{self.pk}_seq"

    @property
    def needs_signing(self) -> bool:
        return not self.signed_credential or self.signed_at is None or self.changed_at > self.signed_at

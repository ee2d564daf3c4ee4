"""CredentialVisibility: the learner's choice whether an award's public credential page is public (default yes)."""

from __future__ import annotations

from django.db import models

from .award import Award


class CredentialVisibility(models.Model):
    """A row exists only once the learner chose; no row means the page is public."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, primary_key=True, related_name="visibility")
    public = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"{self.award_id}: {'public' if self.public else 'private'}"

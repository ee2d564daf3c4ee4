"""SignInLink: a single-use, expiring wallet sign-in link; only the SHA-256 of its token is stored."""

from __future__ import annotations

from django.db import models

from .learner import Learner


class SignInLink(models.Model):
    """One e-mailed link; valid until ``expires_at`` and used at most once."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="sign_in_links")
    token_hash = models.CharField(max_length=64, unique=True, help_text="Hex SHA-256 of the secret token.")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"sign-in link of {self.learner_id} ({'used' if self.used_at else 'unused'})"

"""Recognition of prior learning: admin rules for other institutions' credentials and every decision taken."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .learner import Learner
from .organisation import Organisation


class RecognitionRule(models.Model):
    """Which credentials of other institutions count: trusted issuer DIDs plus an achievement or alignment match."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="recognition_rules")
    name = models.CharField(max_length=200)
    trusted_issuers = models.JSONField(default=list, help_text="Issuer DIDs (or URLs) whose credentials count.")
    achievement_id = models.CharField(max_length=500, blank=True, help_text="Exact achievement id to match.")
    alignment_url = models.URLField(max_length=500, blank=True, help_text="Alignment targetUrl to match.")
    min_ects = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True,
                                   validators=[MinValueValidator(0)])
    min_eqf = models.PositiveSmallIntegerField(null=True, blank=True,
                                               validators=[MinValueValidator(1), MaxValueValidator(8)])
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"
        ordering = ["organisation", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation.slug}: {self.name}"


class RecognitionDecision(models.TextChoices):
    ACCEPTED = "accepted", "Accepted (counts toward pathways)"
    REFUSED = "refused", "Refused"


class Recognition(models.Model):
    """One submitted credential of another institution, how it verified, and the decision (reviewable)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="recognitions")
    learner = models.ForeignKey(Learner, on_delete=models.PROTECT, related_name="recognitions")
    submitted = models.JSONField(help_text="The credential exactly as submitted (JSON object or a VC-JWT string).")
    credential_id = models.CharField(max_length=500, blank=True)
    issuer = models.CharField(max_length=500, blank=True)
    achievement_id = models.CharField(max_length=500, blank=True)
    title = models.CharField(max_length=300, blank=True, help_text="The achievement's name.")
    ects = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    eqf = models.PositiveSmallIntegerField(null=True, blank=True)
    alignments = models.JSONField(default=list, blank=True, help_text="Alignment target URLs of the achievement.")
    grade = models.FloatField(null=True, blank=True)
    verification = models.JSONField(default=dict, help_text="The verification report (every check).")
    decision = models.CharField(max_length=10, choices=RecognitionDecision.choices)
    reason = models.TextField()
    rule = models.ForeignKey(RecognitionRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["learner", "decision"], name="recognition_learner_decision")]

    def __str__(self) -> str:
        return f"{self.credential_id or self.pk} for {self.learner}: {self.decision}"

"""Award: one micro-credential version granted to one learner, with the reason it was granted."""

from __future__ import annotations

import uuid

from django.db import models

from .learner import Learner
from .microcredential import MicroCredentialVersion


class Award(models.Model):
    """Unique per learner and version while not revoked; a revoked award may be followed by a new one."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(Learner, on_delete=models.PROTECT, related_name="awards")
    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.PROTECT, related_name="awards")
    awarded_at = models.DateTimeField()
    grade = models.CharField(max_length=40, blank=True)
    evidence = models.JSONField(default=list, blank=True,
                                help_text="Completion(s) that triggered the award: id, narrative, platform, course.")
    reason = models.JSONField(default=dict, blank=True, help_text="Why: source event, rule, values seen.")
    revoked_at = models.DateTimeField(null=True, blank=True)
    requeued_at = models.DateTimeField(null=True, blank=True, help_text="Last time reconciliation queued issuance.")
    requeue_count = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [
            models.UniqueConstraint(fields=["learner", "version"], condition=models.Q(revoked_at__isnull=True),
                                    name="one_live_award_per_learner_version"),
        ]

    def __str__(self) -> str:
        return f"{self.learner} <- {self.version}"

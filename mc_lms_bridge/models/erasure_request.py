"""ErasureRequest: a learner's request to erase their personal data, and when it was carried out."""

from __future__ import annotations

import uuid

from django.db import models

from .learner import Learner


class ErasureRequest(models.Model):
    """Kept after erasure as the record that it happened (it holds no personal data itself)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(Learner, on_delete=models.PROTECT, related_name="erasure_requests")
    requested_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"erasure of {self.learner_id} ({'done' if self.completed_at else 'pending'})"

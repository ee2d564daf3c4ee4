"""Delivery: the outbox of notifications about issued credentials (one row per award and channel)."""

from __future__ import annotations

from django.db import models

from .award import Award


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Pending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed (retrying)"
    SKIPPED = "skipped", "Skipped (reason given)"


class Delivery(models.Model):
    """Written in the issuance transaction; a thin task sends it, retried until sent."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=20)
    state = models.CharField(max_length=8, choices=DeliveryState.choices, default=DeliveryState.PENDING,
                             db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    requeued_at = models.DateTimeField(null=True, blank=True)
    requeue_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [models.UniqueConstraint(fields=["award", "channel"], name="one_delivery_per_award_channel")]

    def __str__(self) -> str:
        return f"{self.channel} for {self.award_id} ({self.state})"

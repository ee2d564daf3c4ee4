"""CompletionEvent: the inbox of LMS completions, unique per source event, with the raw payload and the outcome."""

from __future__ import annotations

import uuid

from django.db import models

from .award import Award
from .learner import PLATFORM_CHOICES, Learner


class EventState(models.TextChoices):
    RECEIVED = "received", "Received, waiting to be processed"
    AWARDED = "awarded", "Led to an award"
    IGNORED = "ignored", "Recorded and ignored (reason given)"
    REVERSED = "reversed", "Led to a suspension or revocation"
    FAILED = "failed", "Processing failed (will be retried)"


class CompletionEvent(models.Model):
    """One event from an LMS; processing is idempotent and records what it decided and why."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    platform = models.CharField(max_length=16, choices=PLATFORM_CHOICES)
    platform_instance = models.CharField(max_length=200)
    source_event_id = models.CharField(max_length=255)
    course_id = models.CharField(max_length=255)
    user_id = models.CharField(max_length=200)
    kind = models.CharField(max_length=24)
    grade = models.DecimalField(max_digits=7, decimal_places=6, null=True, blank=True)
    occurred_at = models.DateTimeField()
    learner_data = models.JSONField(default=dict, blank=True, help_text="Names/e-mail as the platform gave them.")
    raw = models.JSONField(default=dict, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    state = models.CharField(max_length=10, choices=EventState.choices, default=EventState.RECEIVED, db_index=True)
    outcome = models.JSONField(default=dict, blank=True, help_text="Rule, values seen, reason.")
    learner = models.ForeignKey(Learner, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    award = models.ForeignKey(Award, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    attempts = models.PositiveSmallIntegerField(default=0)
    requeued_at = models.DateTimeField(null=True, blank=True, help_text="Last time reconciliation queued it again.")
    requeue_count = models.PositiveSmallIntegerField(default=0)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [models.UniqueConstraint(fields=["platform", "platform_instance", "source_event_id"],
                                               name="uniq_completion_event_per_source")]
        indexes = [models.Index(fields=["state", "received_at"], name="completion_event_backlog")]

    def __str__(self) -> str:
        return f"{self.platform}:{self.source_event_id} {self.kind} ({self.state})"

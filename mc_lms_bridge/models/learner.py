"""Learner and their accounts on LMS platform instances (minimal personal data)."""

from __future__ import annotations

import uuid

from django.db import models

PLATFORM_CHOICES = [
    ("openedx", "Open edX"),
    ("moodle", "Moodle"),
    ("lti", "LTI 1.3 platform"),
    ("api", "REST API / SIS"),
]


class Learner(models.Model):
    """A person who can receive credentials; linked to LMS accounts only by verified means."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    given_name = models.CharField(max_length=150)
    family_name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True, db_index=True)
    email_verified = models.BooleanField(default=False)
    subject_did = models.CharField(
        max_length=300, blank=True, help_text="The learner's own DID, if they gave one; else urn:uuid is used.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def subject_id(self) -> str:
        return self.subject_did or f"urn:uuid:{self.id}"


class LearnerAccount(models.Model):
    """One user id of a learner on one LMS platform instance."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="accounts")
    platform = models.CharField(max_length=16, choices=PLATFORM_CHOICES)
    platform_instance = models.CharField(max_length=200, help_text="e.g. the LMS base URL or LTI issuer.")
    user_id = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "platform_instance", "user_id"], name="uniq_learner_account_per_platform"),
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.platform_instance}:{self.user_id}"

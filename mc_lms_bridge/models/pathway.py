"""Pathway: a named stack of micro-credentials with a rule (behaviour comes with the pathways issue)."""

from __future__ import annotations

import uuid

from django.db import models

from .fields import LanguageMapField
from .microcredential import MicroCredential
from .organisation import Organisation, slug_validator


class Pathway(models.Model):
    """A stacked credential whose requirement is a rule tree over micro-credentials."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="pathways")
    slug = models.CharField(max_length=64, validators=[slug_validator])
    title = LanguageMapField(required=True, max_text_length=300)
    description = LanguageMapField(max_text_length=5000)
    rule = models.JSONField(default=dict, blank=True, help_text="Requirement tree (all-of, n-of, min ECTS, ...).")
    components = models.ManyToManyField(MicroCredential, related_name="pathways", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="uniq_pathway_slug_per_org")]

    def __str__(self) -> str:
        return f"{self.organisation.slug}/{self.slug}"

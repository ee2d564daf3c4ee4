"""Pathway: a stacked credential (its own micro-credential) earned by a rule over components, and its index."""

from __future__ import annotations

import uuid

from django.db import models

from .fields import LanguageMapField
from .microcredential import MicroCredential
from .organisation import Organisation, slug_validator


class PathwayRevocationPolicy(models.TextChoices):
    KEEP = "keep", "Keep the stacked credential when a component is lost"
    REVOKE = "revoke", "Revoke the stacked credential when its rule is no longer met"


class Pathway(models.Model):
    """A stacked credential whose requirement is a rule tree over micro-credentials, pathways and recognitions.

    The pathway's own EU standard elements (title, outcomes, level, awarding body, ECTS ...) live in the
    published version of ``microcredential``; ``rule`` is validated with ``rules.parse_rule`` and the pathway
    graph is kept acyclic (``mc_lms_bridge.pathways.definition.save_pathway``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="pathways")
    slug = models.CharField(max_length=64, validators=[slug_validator])
    title = LanguageMapField(required=True, max_text_length=300)
    description = LanguageMapField(max_text_length=5000)
    rule = models.JSONField(default=dict, blank=True, help_text="Requirement tree (all-of, n-of, min ECTS, ...).")
    components = models.ManyToManyField(MicroCredential, related_name="pathways", blank=True)
    microcredential = models.OneToOneField(
        MicroCredential, null=True, blank=True, on_delete=models.PROTECT, related_name="as_pathway",
        help_text="The catalogue entry of the stacked credential; its published version is what is awarded.")
    revocation_policy = models.CharField(
        max_length=8, choices=PathwayRevocationPolicy.choices, default=PathwayRevocationPolicy.KEEP,
        help_text="What losing a component does to an already awarded stacked credential.")
    active = models.BooleanField(default=True, help_text="Inactive pathways are neither evaluated nor awarded.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="uniq_pathway_slug_per_org")]

    def __str__(self) -> str:
        return f"{self.organisation.slug}/{self.slug}"


class PathwayIndexEntry(models.Model):
    """Derived component index: ``component`` (micro-credential, pathway or sentinel id) is in ``pathway``.

    Transitive (a micro-credential inside a nested pathway also points at the outer pathway); rebuilt from the
    rules whenever a pathway is saved, so evaluating one learner touches only the pathways that can change.
    """

    component = models.UUIDField(db_index=True)
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="index_entries")

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [models.UniqueConstraint(fields=["component", "pathway"], name="uniq_pathway_index_entry")]

    def __str__(self) -> str:
        return f"{self.component} in {self.pathway_id}"

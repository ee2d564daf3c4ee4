"""Organisation: an issuer and/or awarding body of micro-credentials."""

from __future__ import annotations

import uuid

from django.core.validators import RegexValidator
from django.db import models

from .fields import LanguageMapField, vocabulary_field

slug_validator = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",
    "Use 1-64 lowercase letters, digits and hyphens, not starting or ending with a hyphen.")


class Organisation(models.Model):
    """A legal entity that issues or awards micro-credentials (issuer Profile / ELM Organisation)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.CharField(
        max_length=64, unique=True, validators=[slug_validator],
        help_text="Stable short name; part of the organisation's did:web identifier and URLs.")
    legal_name = LanguageMapField(required=True, max_text_length=300)
    legal_identifier = models.CharField(
        max_length=100, help_text="National legal / eIDAS identifier, e.g. VAT or company number.")
    country = vocabulary_field("country", max_length=2, help_text="ISO 3166-1 alpha-2 code of the seat.")
    region = models.CharField(max_length=120, blank=True)
    homepage = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    logo_url = models.URLField(blank=True)
    linkedin_organization_id = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "mc_lms_bridge"
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        names = self.legal_name or {}
        return names.get("en") or next(iter(names.values()), self.slug)

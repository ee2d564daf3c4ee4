"""API tokens: per-organisation credentials for the REST API; only a hash of the secret is stored."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone

from .organisation import Organisation

TOKEN_PREFIX = "mcb_"


class Scope(models.TextChoices):
    CATALOGUE_READ = "catalogue:read", "Read the catalogue"
    CATALOGUE_WRITE = "catalogue:write", "Edit the catalogue"
    CATALOGUE_PUBLISH = "catalogue:publish", "Review, publish and retire"
    CREDENTIALS_READ = "credentials:read", "Read issued credentials"
    CREDENTIALS_STATUS = "credentials:status", "Revoke, suspend and unsuspend credentials"
    COMPLETIONS_WRITE = "completions:write", "Report course completions (SIS / LMS)"


ALL_SCOPES = [choice.value for choice in Scope]


def hash_token(raw_token: str) -> str:
    return hashlib.sha256(raw_token.encode("utf-8")).hexdigest()


class ApiTokenManager(models.Manager):
    def create_token(self, *, organisation: Organisation, name: str, scopes=None):
        """Create a token and return ``(token, raw_secret)``; the raw secret is shown once and never stored."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = self.create(organisation=organisation, name=name, scopes=list(scopes or ALL_SCOPES),
                            key_hash=hash_token(raw), key_prefix=raw[:10])
        return token, raw

    def active_for(self, raw_token: str):
        return (self.select_related("organisation")
                .filter(key_hash=hash_token(raw_token), revoked_at__isnull=True).first())


class ApiToken(models.Model):
    """A bearer token acting for one organisation with a set of scopes."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(max_length=12, editable=False, help_text="First characters, to recognise it.")
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenManager()

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…, {self.organisation.slug})"

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

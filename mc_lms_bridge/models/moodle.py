"""MoodleSite: connection settings of one Moodle instance (web-service token and webhook secret sealed at rest)."""

from __future__ import annotations

import uuid

from django.db import models


class MoodleSite(models.Model):
    """A Moodle platform instance: base URL (= CourseTag.platform_instance), sealed token and webhook secret."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    base_url = models.URLField(max_length=200, unique=True,
                               help_text="Moodle wwwroot without trailing slash, e.g. https://moodle.example.eu")
    encrypted_token = models.BinaryField(editable=False, help_text="Web-service token, AES-GCM sealed.")
    encrypted_webhook_secret = models.BinaryField(
        editable=False, blank=True, default=b"", help_text="Webhook HMAC secret, AES-GCM sealed; empty = off.")
    verifies_emails = models.BooleanField(
        default=False, help_text="The site confirms e-mail addresses, so its e-mails count as verified.")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"

    def __str__(self) -> str:
        return f"{self.name} ({self.base_url})"

    def save(self, *args, **kwargs):
        from ..connectors.moodle.client import normalize_base_url

        self.base_url = normalize_base_url(self.base_url)
        super().save(*args, **kwargs)

    def _purpose(self, field: str) -> str:
        return f"mc_lms_bridge.MoodleSite/{self.id}/{field}"

    def set_token(self, token: str) -> None:
        """Seal the web-service token (call save() afterwards)."""
        from ..crypto.secrets_at_rest import seal_secret
        from ..keystore import key_encryption_key

        if not token:
            raise ValueError("A Moodle web-service token is required.")
        self.encrypted_token = seal_secret(token, key_encryption_key(), purpose=self._purpose("token"))

    def token(self) -> str:
        """The web-service token, decrypted."""
        from ..crypto.secrets_at_rest import open_secret
        from ..keystore import key_encryption_key

        return open_secret(self.encrypted_token, key_encryption_key(), purpose=self._purpose("token"))

    def set_webhook_secret(self, secret: str) -> None:
        """Seal the webhook secret; an empty secret turns the webhook off (call save() afterwards)."""
        from ..crypto.secrets_at_rest import seal_secret
        from ..keystore import key_encryption_key

        self.encrypted_webhook_secret = (
            seal_secret(secret, key_encryption_key(), purpose=self._purpose("webhook_secret")) if secret else b"")

    def webhook_secret(self) -> bytes:
        """The webhook HMAC secret as bytes (empty when the webhook is off)."""
        from ..crypto.secrets_at_rest import open_secret
        from ..keystore import key_encryption_key

        if not self.encrypted_webhook_secret:
            return b""
        return open_secret(self.encrypted_webhook_secret, key_encryption_key(),
                           purpose=self._purpose("webhook_secret")).encode("utf-8")

    def client(self, *, timeout: float | None = None, http=None):
        """A MoodleClient for this site."""
        from ..connectors.moodle.client import MoodleClient
        from ..connectors.moodle.settings import moodle_setting

        return MoodleClient(self.base_url, self.token(), http=http,
                            timeout=timeout if timeout is not None else float(moodle_setting("MOODLE_HTTP_TIMEOUT")))

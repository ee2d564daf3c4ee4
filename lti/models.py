"""Models of the LTI tool: registered platforms and deployments, tool keys, login nonces and validated launches."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models

from mc_lms_bridge.models import Organisation


def origin_of(url: str) -> str:
    """scheme://host[:port] of an absolute http(s) URL, or "" when it has none."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class LtiPlatform(models.Model):
    """One registration of this tool on an LTI 1.3 platform (issuer + client id), owned by an organisation."""

    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="lti_platforms",
        help_text="Micro-credentials tagged from this platform belong to this organisation.")
    issuer = models.CharField(max_length=255, help_text="The platform's iss value (an https URL).")
    client_id = models.CharField(max_length=255, help_text="The client id the platform gave this tool.")
    auth_login_url = models.URLField(max_length=500, help_text="Platform OIDC authentication request URL.")
    auth_token_url = models.URLField(max_length=500, blank=True, help_text="OAuth2 token URL (LTI Advantage).")
    jwks_url = models.URLField(max_length=500, blank=True, help_text="Platform public key set URL.")
    public_jwks = models.JSONField(default=dict, blank=True,
                                   help_text='Inline platform key set {"keys": [...]}, used when no JWKS URL.')
    family_code = models.CharField(max_length=64, blank=True, help_text='tool_platform family code, e.g. "moodle".')
    frame_origins = models.TextField(
        blank=True, help_text="Extra origins allowed to frame the tool, space separated (the issuer's and the "
                              "login URL's origins are always allowed).")
    registration = models.JSONField(default=dict, blank=True, help_text="Dynamic registration record, if any.")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "client_id"], name="uniq_lti_platform_client")]
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.issuer})"

    def clean(self):
        if not self.jwks_url and not (self.public_jwks or {}).get("keys"):
            raise ValidationError({"jwks_url": "Give the platform's JWKS URL or its inline public key set."})
        for origin in self.frame_origins.split():
            if origin_of(origin) != origin.lower().rstrip("/"):
                raise ValidationError({"frame_origins": f"{origin!r} is not an origin (scheme://host[:port])."})

    def allowed_frame_origins(self) -> list[str]:
        origins = {origin_of(self.issuer), origin_of(self.auth_login_url)}
        origins.update(origin.lower().rstrip("/") for origin in self.frame_origins.split())
        return sorted(origin for origin in origins if origin)

    @property
    def course_platform(self) -> str:
        """The CourseTag/CompletionEvent platform code for courses of this platform."""
        return "moodle" if self.family_code == "moodle" else "lti"


class LtiDeployment(models.Model):
    """A deployment id of a platform registration; launches from unknown or inactive deployments are refused."""

    platform = models.ForeignKey(LtiPlatform, on_delete=models.CASCADE, related_name="deployments")
    deployment_id = models.CharField(max_length=255)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "deployment_id"], name="uniq_lti_deployment")]

    def __str__(self) -> str:
        return f"{self.platform.name} / {self.deployment_id}"


class LtiToolKey(models.Model):
    """An RS256 key pair of the tool; the private key is sealed under the key-encryption key."""

    kid = models.CharField(max_length=64, unique=True)
    public_jwk = models.JSONField()
    encrypted_private_key = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.kid


class LtiNonce(models.Model):
    """OIDC login state and nonce: issued at login initiation, consumed once by the launch, then dead."""

    state = models.CharField(max_length=64, unique=True, default=new_token)
    nonce = models.CharField(max_length=64, unique=True, default=new_token)
    platform = models.ForeignKey(LtiPlatform, on_delete=models.CASCADE, related_name="+")
    target_link_uri = models.URLField(max_length=500)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="lti_nonce_expiry")]

    def __str__(self) -> str:
        return f"login state of platform {self.platform_id} ({'used' if self.used_at else 'open'})"


class LtiLaunch(models.Model):
    """A validated launch; its unguessable id authenticates the in-course pages (no third-party cookies)."""

    launch_id = models.CharField(max_length=64, unique=True, default=new_token)
    platform = models.ForeignKey(LtiPlatform, on_delete=models.CASCADE, related_name="launches")
    deployment = models.ForeignKey(LtiDeployment, on_delete=models.CASCADE, related_name="launches")
    message_type = models.CharField(max_length=40)
    subject = models.CharField(max_length=255, help_text="The platform's opaque user id (sub).")
    roles = models.JSONField(default=list)
    context_id = models.CharField(max_length=255)
    context_title = models.CharField(max_length=255, blank=True)
    claims = models.JSONField(default=dict, help_text="Service and presentation claims needed later (no PII).")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="lti_launch_expiry")]

    def __str__(self) -> str:
        return f"{self.message_type} from platform {self.platform_id} in {self.context_id}"


class LtiRegistrationInvite(models.Model):
    """A one-time dynamic registration link an administrator hands to a platform administrator."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    note = models.CharField(max_length=200, blank=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    platform = models.ForeignKey(LtiPlatform, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"registration invite for {self.organisation.slug}"


class LtiContext(models.Model):
    """A course's LTI Advantage endpoints (NRPS, AGS) from its latest launch; kept after launches expire."""

    platform = models.ForeignKey(LtiPlatform, on_delete=models.CASCADE, related_name="contexts")
    deployment = models.ForeignKey(LtiDeployment, on_delete=models.CASCADE, related_name="+")
    context_id = models.CharField(max_length=255)
    resource_link_id = models.CharField(max_length=255, blank=True)
    memberships_url = models.URLField(max_length=500, blank=True, help_text="NRPS context_memberships_url.")
    lineitems_url = models.URLField(max_length=500, blank=True, help_text="AGS line items container URL.")
    lineitem_url = models.URLField(max_length=500, blank=True, help_text="AGS line item of the resource link.")
    ags_scopes = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "context_id"], name="uniq_lti_context")]

    def __str__(self) -> str:
        return f"context {self.context_id} of platform {self.platform_id}"

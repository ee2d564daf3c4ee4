"""Writes audit log entries for changes made by people, API tokens or the system."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser


@dataclass(frozen=True)
class Actor:
    """Who acts: a user, an API token (by name) or the system; never holds secrets."""

    label: str
    user: AbstractBaseUser | None = None

    @classmethod
    def from_request(cls, request) -> Actor:
        token = getattr(request, "auth", None)
        if token is not None and hasattr(token, "key_prefix"):
            return cls(label=f"token:{token.name}")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return cls(label=f"user:{user.get_username()}", user=user)
        return cls(label="anonymous")


SYSTEM = Actor(label="system")


def record(actor: Actor, action: str, obj, *, changes: dict | None = None, reason: str = "") -> None:
    """Append one audit log entry for ``obj``."""
    from .models import AuditLogEntry

    AuditLogEntry.objects.create(
        actor=actor.user, actor_label=actor.label, action=action,
        object_type=obj._meta.model_name, object_id=str(obj.pk), changes=changes or {}, reason=reason)

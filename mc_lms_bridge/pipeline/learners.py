"""Learner identity across platforms: one Learner per person, linked only by verified e-mail or explicit link."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ..models import CompletionEvent, Learner, LearnerAccount


def resolve_learner(event: CompletionEvent) -> Learner:
    """The Learner of the event's platform account; created on first sight, never matched by name."""
    key = {"platform": event.platform, "platform_instance": event.platform_instance, "user_id": event.user_id}
    account = LearnerAccount.objects.select_related("learner").filter(**key).first()
    if account is not None:
        _refresh_details(account.learner, event.learner_data)
        return account.learner
    data = event.learner_data or {}
    try:
        with transaction.atomic():
            learner = _verified_email_match(data) or Learner.objects.create(
                given_name=(data.get("given_name") or _split(data.get("full_name"))[0] or "")[:150],
                family_name=(data.get("family_name") or _split(data.get("full_name"))[1] or "")[:150],
                email=(data.get("email") or "")[:254], email_verified=bool(data.get("email_verified")))
            LearnerAccount.objects.create(learner=learner, **key)
            return learner
    except IntegrityError:  # a concurrent event created the account first
        return LearnerAccount.objects.select_related("learner").get(**key).learner


def _verified_email_match(data: dict) -> Learner | None:
    email = (data.get("email") or "").strip()
    if not email or not data.get("email_verified"):
        return None
    return Learner.objects.filter(email__iexact=email, email_verified=True).order_by("created_at").first()


def _split(full_name: str | None) -> tuple[str, str]:
    parts = (full_name or "").strip().rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0] if parts else "", "")


def _refresh_details(learner: Learner, data: dict) -> None:
    """Fill empty names from newer platform data; never overwrite or re-link (identity stays stable)."""
    updates = {}
    for field in ("given_name", "family_name"):
        if not getattr(learner, field) and data.get(field):
            updates[field] = data[field][:150]
    if updates:
        Learner.objects.filter(pk=learner.pk).update(**updates)

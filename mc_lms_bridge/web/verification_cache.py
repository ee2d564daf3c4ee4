"""Verification results of stored credentials, cached until their status list or state changes."""

from __future__ import annotations

from django.core.cache import cache

from ..models import IssuedCredential, StatusList
from ..status.service import signed_status_list_text
from ..verification.service import CredentialInputError, verify_any

#: Results also expire after this many seconds, so validity dates (expiry) are re-checked regularly.
CACHE_SECONDS = 600


def cache_key(credential: IssuedCredential, status_list: StatusList | None) -> str:
    stamp = status_list.changed_at.timestamp() if status_list is not None else "-"
    return f"mcb:verify:{credential.pk}:{credential.state}:{stamp}"


def verify_stored(credential: IssuedCredential, status_lists: dict | None = None) -> dict:
    """verify_any() of the stored payload, from the cache when nothing changed since it was computed."""
    status_list = (status_lists or {}).get(credential.status_list_id)
    if status_list is None and credential.status_list_id is not None:
        status_list = StatusList.objects.only("changed_at").get(pk=credential.status_list_id)
    key = cache_key(credential, status_list)
    result = cache.get(key)
    if result is None:
        if status_list is not None:
            # Sign a changed list before the verifier reads its clock: a list signed lazily during verification
            # carries a validFrom a moment after the verifier's "now" and reads as "not valid yet".
            signed_status_list_text(StatusList.objects.get(pk=status_list.pk))
        try:
            result = verify_any(credential.payload)
        except CredentialInputError as error:
            result = {"verified": False, "checks": [{"name": "format", "outcome": "failed", "message": str(error)}]}
        result.pop("credential", None)
        cache.set(key, result, CACHE_SECONDS)
    return result


def status_lists_of(credentials) -> dict:
    """{id: StatusList (changed_at only)} of these credentials' lists, in one query."""
    ids = {c.status_list_id for c in credentials if c.status_list_id is not None}
    return {s.pk: s for s in StatusList.objects.only("changed_at").filter(pk__in=ids)}

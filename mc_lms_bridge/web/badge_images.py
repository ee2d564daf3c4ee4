"""The award's badge as SVG and PNG, baked with its signed Open Badges credential, cached per credential."""

from __future__ import annotations

from django.core.cache import cache

from ..badges import render_badge_png, render_badge_svg
from ..baking import bake_png, bake_svg
from ..catalogue.records import microcredential_record
from .lookup import CredentialBundle

CACHE_SECONDS = 24 * 3600  # the signed payload never changes, so neither does the baked image


def _badge_svg(bundle: CredentialBundle) -> str:
    version = bundle.award.version
    return render_badge_svg(microcredential_record(version), style=version.microcredential.badge_style())


def baked_svg(bundle: CredentialBundle) -> str:
    key = f"mcb:badge-svg:{bundle.primary.pk}"
    found = cache.get(key)
    if found is None:
        found = bake_svg(_badge_svg(bundle), bundle.primary.payload)
        cache.set(key, found, CACHE_SECONDS)
    return found


def baked_png(bundle: CredentialBundle) -> bytes:
    key = f"mcb:badge-png:{bundle.primary.pk}"
    found = cache.get(key)
    if found is None:
        found = bake_png(render_badge_png(_badge_svg(bundle), size=600), bundle.primary.payload)
        cache.set(key, found, CACHE_SECONDS)
    return found

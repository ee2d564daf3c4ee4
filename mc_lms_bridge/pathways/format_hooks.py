"""Format hooks for issuance: turn a pathway award's built OB3 / EDC credential into the stacked credential."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..catalogue.records import microcredential_record
from ..models import Award, MicroCredentialVersion
from .edc import stack_edc
from .ob3 import stack_ob3, total_of


def _total(award: Award) -> Decimal:
    try:
        return Decimal(award.reason["ects"])
    except (KeyError, TypeError, InvalidOperation):
        return total_of(award.reason.get("components", []))


def stacked_ob3(credential: dict, award: Award) -> dict:
    """The OB3 credential of a pathway award with its components (call only for a pathway's own award)."""
    components = [item for item in award.reason.get("components", []) if item.get("credential")]
    return stack_ob3(credential, components, _total(award))


def stacked_edc(credential: dict, award: Award, languages) -> dict:
    """The EDC credential of a pathway award whose Qualification has the components as parts (pathway awards only)."""
    ids = [(item["microcredential"], item["version"]) for item in award.reason.get("components", [])
           if item.get("kind") in ("award", "pathway")]
    versions = {(str(v.microcredential_id), v.version): v for v in MicroCredentialVersion.objects.filter(
        microcredential_id__in=[mc for mc, _ in ids]).select_related("microcredential__organisation")}
    records = [microcredential_record(versions[key]) for key in ids if key in versions]
    return stack_edc(credential, records, _total(award), languages)

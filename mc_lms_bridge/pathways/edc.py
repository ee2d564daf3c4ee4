"""Pure EDC stacking: the pathway Qualification ``hasPart`` its component Qualifications (partial qualifications)."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from decimal import Decimal

from ..formats.edc.qualification import qualification_node
from ..formats.edc.text import credit_points
from ..formats.record import MicroCredentialRecord


def component_qualification(component: MicroCredentialRecord, languages: Sequence[str]) -> dict:
    """A component's Qualification as built for its own credential, marked as a partial qualification."""
    node = qualification_node(component, languages)
    node["isPartialQualification"] = True
    return node


def stack_edc(credential: Mapping, components: Sequence[MicroCredentialRecord], total_ects: Decimal,
              languages: Sequence[str]) -> dict:
    """Return a copy of a built EDC credential whose Qualification has the components as parts; idempotent.

    The stacked Qualification itself is a whole (``isPartialQualification`` false) worth the summed ECTS.
    """
    stacked = copy.deepcopy(dict(credential))
    qualification = stacked["credentialSubject"]["hasClaim"][0]["specifiedBy"]
    qualification["isPartialQualification"] = False
    parts = [component_qualification(component, languages) for component in components]
    if parts:
        qualification["hasPart"] = parts
    if total_ects > 0 and qualification.get("creditPoint"):
        qualification["creditPoint"][0]["point"] = credit_points(total_ects)
    return stacked

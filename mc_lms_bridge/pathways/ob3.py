"""Pure OB3 stacking: turn a built OpenBadgeCredential into the stacked (pathway) credential of its components."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from decimal import Decimal

#: At or above this many ECTS a stacked credential is a "Certificate"; below, it is still a "MicroCredential".
CERTIFICATE_FROM_ECTS = Decimal(60)
COMPONENT_TARGET_TYPE = "ext:PathwayComponent"


def achievement_type(total_ects: Decimal) -> str:
    """OB3 achievementType of a stack by size: "Certificate" from 60 ECTS, "MicroCredential" below."""
    return "Certificate" if total_ects >= CERTIFICATE_FROM_ECTS else "MicroCredential"


def _ects(value) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def component_evidence(component: Mapping) -> dict:
    """One Evidence naming a component credential by its id."""
    ects = f" ({component['ects']} ECTS)" if component.get("ects") else ""
    return {"id": component["credential"], "type": ["Evidence"], "name": str(component["title"])[:200],
            "narrative": f"{component['title']}{ects} counts toward this stacked credential."}


def component_alignment(component: Mapping) -> dict:
    """One Alignment pointing at a component achievement."""
    return {"type": ["Alignment"], "targetType": COMPONENT_TARGET_TYPE, "targetName": str(component["title"]),
            "targetUrl": component["achievement"]}


def component_related(component: Mapping) -> dict:
    """One Related entry for a component achievement."""
    related = {"id": component["achievement"], "type": ["Related"]}
    if component.get("version"):
        related["version"] = str(component["version"])
    return related


def stack_ob3(credential: Mapping, components: Sequence[Mapping], total_ects: Decimal) -> dict:
    """Return a copy of ``credential`` as the stacked credential of ``components``; idempotent.

    Each component is ``{"credential": id, "achievement": url, "title": str, "ects": str|None, "version": int?}``.
    The achievement gets its size-based type, summed ``creditsAvailable``, ``related`` and one alignment per
    component achievement; the credential lists each component credential as evidence.
    """
    stacked = copy.deepcopy(dict(credential))
    subject = stacked["credentialSubject"]
    achievement = subject["achievement"]
    achievement["achievementType"] = achievement_type(total_ects)
    linked = [c for c in components if c.get("achievement")]
    own_related = [r for r in achievement.get("related", []) if r["id"] not in {c["achievement"] for c in linked}]
    if own_related or linked:
        achievement["related"] = own_related + [component_related(c) for c in linked]
    alignments = [a for a in achievement.get("alignment", []) if a.get("targetType") != COMPONENT_TARGET_TYPE]
    achievement["alignment"] = alignments + [component_alignment(c) for c in linked]
    if total_ects > 0:
        achievement["creditsAvailable"] = float(total_ects)
        subject["creditsEarned"] = float(total_ects)
    if components:
        stacked["evidence"] = [component_evidence(c) for c in components]
    return stacked


def total_of(components: Sequence[Mapping]) -> Decimal:
    """Summed ECTS of the components that are not themselves stacks (a nested stack's parts are listed too)."""
    return sum((_ects(c.get("ects")) for c in components if c.get("kind") != "pathway"), Decimal(0))

"""Learner progress on a pathway: a pure view of ``Progress`` for the wallet UI, and the database loader."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal

from ..models import Learner, MicroCredentialVersion, Pathway, Status
from ..rules.pathway_eval import ComponentInfo, Progress, evaluate
from ..rules.pathway_tree import Credential, PathwayRef, parse_rule, walk
from .holdings import learner_holdings
from .service import load_rules


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _title(text: Mapping | None) -> str:
    text = text or {}
    return text.get("en") or next(iter(text.values()), "")


def progress_view(progress: Progress, catalog: Mapping[uuid.UUID, ComponentInfo]) -> dict:
    """JSON for a learner: satisfied?, ECTS counted, what is done, what is missing and the cheapest next step."""
    def label(key: uuid.UUID) -> str:
        info = catalog.get(key)
        return info.title if info else str(key)

    done = [{"kind": "microcredential", "id": str(a.microcredential), "title": label(a.microcredential),
             "version": a.version, "ects": _number(a.ects)} for a in progress.used_awards]
    done += [{"kind": "pathway", "id": str(pid), "title": label(pid)} for pid in progress.used_pathways]
    done += [{"kind": "recognition", "id": item.id, "title": item.achievement_id, "issuer": item.issuer,
              "ects": _number(item.ects)} for item in progress.used_recognized]
    steps = [{"kind": s.kind, "target": s.target, "label": s.label, "ects": _number(s.ects)}
             for s in progress.next_steps]
    return {"satisfied": progress.satisfied, "ects": float(progress.ects), "done": done,
            "missing": list(progress.missing), "next_steps": steps, "next_step": steps[0] if steps else None}


def catalog_for(rules) -> dict[uuid.UUID, ComponentInfo]:
    """Titles and ECTS of the micro-credentials and pathways the rules name (published versions)."""
    nodes = [node for rule in rules for node in walk(rule)]
    mcs = {n.microcredential for n in nodes if isinstance(n, Credential)}
    pathways = {n.pathway for n in nodes if isinstance(n, PathwayRef)}
    catalog = {v.microcredential_id: ComponentInfo(_title(v.title), v.ects_credits) for v in
               MicroCredentialVersion.objects.filter(microcredential_id__in=mcs, status=Status.PUBLISHED)}
    catalog.update({p.pk: ComponentInfo(_title(p.title)) for p in Pathway.objects.filter(pk__in=pathways)})
    return catalog


def learner_progress(pathway: Pathway, learner: Learner) -> dict:
    """The learner's progress on one pathway, as ``progress_view`` JSON with the pathway's id and title."""
    rules = load_rules({pathway.pk})
    rules.setdefault(pathway.pk, parse_rule(pathway.rule))
    catalog = catalog_for(rules.values())
    holdings, _ = learner_holdings(learner)
    progress = evaluate(rules[pathway.pk], holdings, pathways=rules, catalog=catalog)
    earned = pathway.pk in holdings.pathways
    return {"pathway": str(pathway.pk), "title": _title(pathway.title), "earned": earned,
            **progress_view(progress, catalog)}

"""Define pathways: validate a rule against the catalogue and the pathway graph, save, rebuild the index."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import MicroCredential, Pathway, PathwayIndexEntry
from ..rules import pathway_graph as graph
from ..rules.pathway_tree import Credential, Rule, RuleError, parse_rule, walk


def parsed_rules(exclude: uuid.UUID | None = None) -> dict[uuid.UUID, Rule]:
    """Every stored pathway's parsed rule (rules are validated at save, so they parse)."""
    return {pid: parse_rule(rule) for pid, rule in Pathway.objects.exclude(pk=exclude).values_list("id", "rule")}


def _names(ids) -> dict[uuid.UUID, str]:
    return {pid: f"{org}/{slug}" for pid, org, slug in
            Pathway.objects.filter(pk__in=ids).values_list("id", "organisation__slug", "slug")}


def check_rule(pathway: Pathway, rule_json) -> Rule:
    """Parse and check a pathway's rule; raise ValidationError({"rule": [...]}) naming the problem or the cycle."""
    try:
        rule = parse_rule(rule_json)
    except RuleError as exc:
        raise ValidationError({"rule": [str(exc)]})
    problems = []
    wanted = {node.microcredential for node in walk(rule) if isinstance(node, Credential)}
    known = set(MicroCredential.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    problems += [f"no micro-credential {mc} exists." for mc in sorted(wanted - known, key=str)]
    if pathway.microcredential_id in wanted:
        problems.append("a pathway cannot require its own stacked credential.")
    others = parsed_rules(exclude=pathway.pk)
    refs = graph.pathway_refs(rule)
    problems += [f"no pathway {ref} exists." for ref in refs if ref not in others and ref != pathway.pk]
    if problems:
        raise ValidationError({"rule": problems})
    candidate = {**others, pathway.pk: rule}
    try:
        graph.check_acyclic(candidate, names={**_names(candidate), pathway.pk: str(pathway.slug)})
    except graph.PathwayCycleError as exc:
        raise ValidationError({"rule": [str(exc)]})
    return rule


def check_microcredential(pathway: Pathway) -> None:
    """The stacked credential must be a catalogue entry of the pathway's organisation."""
    mc = pathway.microcredential
    if mc is not None and mc.organisation_id != pathway.organisation_id:
        raise ValidationError({"microcredential": ["The stacked credential must belong to the pathway's "
                                                   "organisation."]})


@transaction.atomic
def save_pathway(pathway: Pathway) -> Pathway:
    """Validate and save a pathway, sync its direct micro-credential components and rebuild the index."""
    check_microcredential(pathway)
    rule = check_rule(pathway, pathway.rule)
    pathway.full_clean(exclude=["rule", "components"])
    pathway.save()
    direct = {node.microcredential for node in walk(rule) if isinstance(node, Credential)}
    pathway.components.set(list(direct))
    rebuild_index()
    return pathway


def rebuild_index() -> int:
    """Recompute the transitive component index of all active pathways from their rules; returns the row count."""
    rules = {pid: parse_rule(rule) for pid, rule in Pathway.objects.filter(active=True).values_list("id", "rule")}
    index = graph.component_index(rules)
    PathwayIndexEntry.objects.all().delete()
    rows = [PathwayIndexEntry(component=component, pathway_id=pid)
            for component, pathways in index.items() for pid in pathways]
    PathwayIndexEntry.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def affected_pathway_ids(changed: set[uuid.UUID]) -> set[uuid.UUID]:
    """Active pathways that contain any of ``changed`` (micro-credential, pathway or sentinel ids), transitively."""
    keys = set(changed) | {graph.ANY_MICROCREDENTIAL} if changed - {graph.ANY_RECOGNITION} else set(changed)
    return set(PathwayIndexEntry.objects.filter(component__in=keys).values_list("pathway_id", flat=True))

"""evaluate_learner: re-check only the pathways a change can affect; award or revoke stacked credentials."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .. import audit
from ..awards.service import grant_award
from ..identity import achievement_url
from ..models import (
    Award,
    CredentialFormat,
    CredentialState,
    IssuedCredential,
    Learner,
    Pathway,
    PathwayRevocationPolicy,
    Recognition,
)
from ..pipeline.queueing import safe_delay
from ..rules.pathway_eval import Progress, evaluate_many
from ..rules.pathway_graph import ANY_RECOGNITION, pathway_refs
from ..rules.pathway_tree import Rule, parse_rule
from ..status.service import StatusChangeRefused, change_status
from .definition import affected_pathway_ids
from .holdings import learner_holdings

logger = logging.getLogger(__name__)
PATHWAY_ACTOR = audit.Actor(label="pathways")


@dataclass(frozen=True)
class Outcome:
    """What one evaluation did for one pathway: ``awarded``, ``revoked``, ``kept``, ``waiting`` or ``unchanged``."""

    pathway: uuid.UUID
    action: str
    award: uuid.UUID | None = None
    note: str = ""


def load_rules(pathway_ids: set[uuid.UUID]) -> dict[uuid.UUID, Rule]:
    """Parsed rules of the given pathways and of every pathway nested in them (for the evaluator's lookups)."""
    rules: dict[uuid.UUID, Rule] = {}
    wanted = set(pathway_ids)
    while wanted:
        found = dict(Pathway.objects.filter(pk__in=wanted, active=True).values_list("id", "rule"))
        wanted = set()
        for pid, raw in found.items():
            rules[pid] = parse_rule(raw)
            wanted |= {ref for ref in pathway_refs(rules[pid]) if ref not in rules}
    return rules


def changed_keys(microcredential_id, recognition: bool) -> set[uuid.UUID]:
    keys: set[uuid.UUID] = set()
    if microcredential_id is not None:
        keys.add(microcredential_id)
        keys |= set(Pathway.objects.filter(microcredential_id=microcredential_id).values_list("id", flat=True))
    if recognition:
        keys.add(ANY_RECOGNITION)
    return keys


def evaluate_learner(learner: Learner, changed_microcredential=None, *, recognition: bool = False) -> list[Outcome]:
    """Evaluate the pathways containing ``changed_microcredential`` (or any recognition) for one learner.

    A newly satisfied pathway is awarded (``grant_award`` on its published version, reason = the components
    used) and queued for issuance after commit; a pathway no longer satisfied follows its revocation policy.
    """
    mc_id = getattr(changed_microcredential, "pk", changed_microcredential)
    affected = affected_pathway_ids(changed_keys(mc_id, recognition))
    if not affected:
        return []
    rules = load_rules(affected)
    pathways = {p.pk: p for p in Pathway.objects.filter(pk__in=[pid for pid in affected if pid in rules])
                .select_related("microcredential__organisation")}
    holdings, by_mc = learner_holdings(learner)
    progress = evaluate_many(sorted(pathways, key=str), holdings, pathways=rules)
    becoming = {pid for pid, p in progress.items() if p.satisfied and pid not in holdings.pathways}
    outcomes = []
    for pid in sorted(pathways, key=str):
        pathway, result = pathways[pid], progress[pid]
        earned = pid in holdings.pathways
        if result.satisfied and not earned:
            outcomes.append(_award(learner, pathway, result, rules, becoming, by_mc))
        elif not result.satisfied and earned:
            outcomes.append(_lose(learner, pathway, by_mc, result))
        else:
            outcomes.append(Outcome(pid, "unchanged"))
    return outcomes


def _award(learner, pathway: Pathway, progress: Progress, rules, becoming, by_mc) -> Outcome:
    nested_pending = [ref for ref in pathway_refs(rules[pathway.pk]) if ref in becoming]
    if nested_pending:  # award the nested pathway first; its issuance re-evaluates this one
        return Outcome(pathway.pk, "waiting", note="A nested pathway is being awarded first.")
    version = pathway.microcredential.published_version() if pathway.microcredential else None
    if version is None:
        return Outcome(pathway.pk, "waiting", note="The pathway's credential has no published version.")
    components = used_components(progress, by_mc)
    if any(item["credential"] is None for item in components):
        return Outcome(pathway.pk, "waiting", note="A component's credential is not issued yet.")
    award, created = grant_award(
        learner=learner, version=version, evidence=[component_evidence(item) for item in components],
        reason={"pathway": str(pathway.pk), "rule": pathway.rule, "ects": str(progress.ects),
                "components": components})
    if created:
        transaction.on_commit(lambda: safe_delay("issue_award", str(award.pk)))
    return Outcome(pathway.pk, "awarded" if created else "unchanged", award.pk)


def used_components(progress: Progress, by_mc: dict) -> list[dict]:
    """The awards, earned pathways and recognitions a satisfied rule used, with their OB3 credential ids."""
    award_ids = [by_mc[held.microcredential].pk for held in progress.used_awards if held.microcredential in by_mc]
    pathway_mcs = dict(Pathway.objects.filter(pk__in=progress.used_pathways).values_list("id", "microcredential_id"))
    award_ids += [by_mc[mc].pk for mc in pathway_mcs.values() if mc in by_mc]
    awards = (Award.objects.filter(pk__in=award_ids)
              .select_related("version__microcredential__organisation"))
    credentials = dict(IssuedCredential.objects.filter(award_id__in=award_ids,
                                                       format=CredentialFormat.OB3_DATA_INTEGRITY)
                       .values_list("award_id", "credential_id"))
    stacked = {mc: pid for pid, mc in pathway_mcs.items()}
    items = []
    for award in sorted(awards, key=lambda a: str(a.version.microcredential_id)):
        mc = award.version.microcredential
        title = award.version.title or {}
        items.append({"kind": "pathway" if mc.pk in stacked else "award", "award": str(award.pk),
                      "microcredential": str(mc.pk), "version": award.version.version,
                      "pathway": str(stacked[mc.pk]) if mc.pk in stacked else None,
                      "credential": credentials.get(award.pk),
                      "achievement": achievement_url(mc, award.version.version),
                      "title": title.get("en") or next(iter(title.values()), ""),
                      "ects": None if award.version.ects_credits is None else str(award.version.ects_credits)})
    recognitions = Recognition.objects.filter(pk__in=[item.id for item in progress.used_recognized])
    for recognition in sorted(recognitions, key=lambda r: str(r.pk)):
        items.append({"kind": "recognition", "recognition": str(recognition.pk), "credential":
                      recognition.credential_id, "achievement": recognition.achievement_id,
                      "issuer": recognition.issuer, "title": recognition.title,
                      "ects": None if recognition.ects is None else str(recognition.ects)})
    return items


def component_evidence(item: dict) -> dict:
    """The award evidence of one component: its credential id, so OB3 lists the component credentials."""
    what = {"award": "Micro-credential", "pathway": "Nested pathway", "recognition": "Recognised credential"}
    return {"id": item["credential"], "name": f"{what[item['kind']]}: {item['title']}"[:200],
            "narrative": f"{item['title']} counts toward this pathway"
                         + (f" ({item['ects']} ECTS)." if item.get("ects") else ".")}


def _lose(learner, pathway: Pathway, by_mc, progress: Progress) -> Outcome:
    award = by_mc[pathway.microcredential_id]
    if pathway.revocation_policy == PathwayRevocationPolicy.KEEP:
        return Outcome(pathway.pk, "kept", award.pk, "Policy: keep the stacked credential.")
    reason = "Pathway no longer satisfied: " + "; ".join(progress.missing)
    revoke_award(award, reason=reason[:500])
    evaluate_learner(learner, pathway.microcredential_id)  # pathways nesting this one may lose it too
    return Outcome(pathway.pk, "revoked", award.pk, reason)


def revoke_award(award: Award, *, reason: str) -> None:
    """Revoke every issued format of the award through the status service, or the bare award if none is issued."""
    credential = IssuedCredential.objects.filter(award=award).exclude(status_list=None).first()
    if credential is not None and credential.state != CredentialState.REVOKED:
        try:
            change_status(credential, "revoke", actor=PATHWAY_ACTOR, reason=reason)
        except StatusChangeRefused as exc:
            logger.warning("Could not revoke stacked credential of award %s: %s", award.pk, exc)
    Award.objects.filter(pk=award.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())

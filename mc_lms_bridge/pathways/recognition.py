"""Recognition of prior learning: verify a submitted credential, decide by the rules, store, re-evaluate."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..crypto.document_loader import strict_document_loader
from ..models import Learner, Organisation, Recognition, RecognitionDecision, RecognitionRule
from ..verification.ob3 import verify_ob3
from ..verification.service import fetcher
from .recognition_rules import ACCEPTED, RuleSpec, credential_facts, decide
from .service import evaluate_learner


class ReviewRefused(Exception):
    """A reviewer tried to accept a credential that did not verify or whose issuer no rule trusts."""


def rule_specs(organisation: Organisation) -> list[RuleSpec]:
    return [RuleSpec(id=r.pk, name=r.name, trusted_issuers=tuple(r.trusted_issuers or ()),
                     achievement_id=r.achievement_id, alignment_url=r.alignment_url, min_ects=r.min_ects,
                     min_eqf=r.min_eqf)
            for r in RecognitionRule.objects.filter(organisation=organisation, active=True).order_by("pk")]


def _reevaluate(learner: Learner) -> None:
    transaction.on_commit(lambda: evaluate_learner(learner, recognition=True))


@transaction.atomic
def submit_recognition(*, organisation: Organisation, learner: Learner, credential: dict | str) -> Recognition:
    """Verify (proof, issuer key, schema, validity, status) and decide; every submission is stored."""
    report = verify_ob3(credential, fetch=fetcher().fetch, now=timezone.now(), loader=strict_document_loader())
    verification = report.to_dict()
    facts = credential_facts(report.credential or {})
    decision = decide(verification, facts, rule_specs(organisation), learner.email)
    recognition = Recognition.objects.create(
        organisation=organisation, learner=learner, submitted=credential, credential_id=facts.credential_id[:500],
        issuer=facts.issuer[:500], achievement_id=facts.achievement_id[:500], title=facts.title, ects=facts.ects,
        eqf=facts.eqf, alignments=list(facts.alignments), grade=facts.grade, verification=verification,
        decision=decision.decision, reason=decision.reason, rule_id=decision.rule)
    if decision.decision == ACCEPTED:
        _reevaluate(learner)
    return recognition


@transaction.atomic
def review_recognition(recognition: Recognition, *, decision: str, reason: str, reviewer=None) -> Recognition:
    """An admin's decision; accepting needs a verified credential from an issuer a rule trusts."""
    if decision not in RecognitionDecision.values:
        raise ReviewRefused(f"Unknown decision {decision!r}; use accepted or refused.")
    if decision == ACCEPTED:
        if not recognition.verification.get("verified"):
            raise ReviewRefused("A credential that did not verify can never count: " + recognition.reason)
        trusted = {issuer for spec in rule_specs(recognition.organisation) for issuer in spec.trusted_issuers}
        if recognition.issuer not in trusted:
            raise ReviewRefused(f"The issuer {recognition.issuer} is not trusted by any recognition rule.")
    changed = decision != recognition.decision
    recognition.decision, recognition.reason = decision, reason or recognition.reason
    recognition.reviewer = reviewer if getattr(reviewer, "pk", None) else None
    recognition.reviewed_at = timezone.now()
    recognition.save(update_fields=["decision", "reason", "reviewer", "reviewed_at"])
    if changed:
        _reevaluate(recognition.learner)
    return recognition

"""Hook points for the pipeline: call after an award's credentials are issued and after an award is revoked."""

from __future__ import annotations

from ..models import Award, Pathway
from .clr import issue_clr
from .service import Outcome, evaluate_learner


def on_award_issued(award_id, *, award: Award | None = None, stacks_pathway: bool | None = None) -> list[Outcome]:
    """Issue the CLR of a stacked credential, then re-evaluate the pathways containing the award's credential.

    Call once the award's credentials are stored (after commit); safe to call twice. The issuer may pass the
    award it just locked (with learner and version loaded) and whether it stacks a pathway, saving the lookups.
    """
    if award is None:
        award = Award.objects.select_related("learner", "version__microcredential").get(pk=award_id)
    if award.revoked_at is not None:
        return []
    if stacks_pathway is None:
        stacks_pathway = Pathway.objects.filter(microcredential_id=award.version.microcredential_id).exists()
    if stacks_pathway:
        issue_clr(award.pk)
    return evaluate_learner(award.learner, award.version.microcredential_id)


def on_award_revoked(award_id) -> list[Outcome]:
    """Apply the revocation policy of every pathway containing the revoked award's credential; safe to call twice."""
    award = Award.objects.select_related("learner", "version").get(pk=award_id)
    return evaluate_learner(award.learner, award.version.microcredential_id)

"""Hook points for the pipeline: call after an award's credentials are issued and after an award is revoked."""

from __future__ import annotations

from ..models import Award, Pathway
from .clr import issue_clr
from .service import Outcome, evaluate_learner


def on_award_issued(award_id) -> list[Outcome]:
    """Issue the CLR of a stacked credential, then re-evaluate the pathways containing the award's credential.

    Call once the award's credentials are stored (after commit); safe to call twice.
    """
    award = Award.objects.select_related("learner", "version__microcredential").get(pk=award_id)
    if award.revoked_at is not None:
        return []
    if Pathway.objects.filter(microcredential_id=award.version.microcredential_id).exists():
        issue_clr(award.pk)
    return evaluate_learner(award.learner, award.version.microcredential_id)


def on_award_revoked(award_id) -> list[Outcome]:
    """Apply the revocation policy of every pathway containing the revoked award's credential; safe to call twice."""
    award = Award.objects.select_related("learner", "version").get(pk=award_id)
    return evaluate_learner(award.learner, award.version.microcredential_id)

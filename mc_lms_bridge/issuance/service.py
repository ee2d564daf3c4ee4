"""issue(award_id): every configured credential format of an award, in one transaction, idempotently."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from ..conf import app_settings
from ..delivery.outbox import queue_deliveries
from ..formats.edc.errors import EdcBuildError, EdcValidationError
from ..models import Award, CredentialFormat, IssuedCredential
from ..pathways import hooks as pathway_hooks
from .edc import SealNotConfigured, TimestampUnavailable, issue_edc
from .inputs import issuance_inputs
from .ob3 import issue_ob3

logger = logging.getLogger(__name__)
OB3_FORMATS = {CredentialFormat.OB3_DATA_INTEGRITY, CredentialFormat.OB3_JWT}


class EdcNotIssued(Exception):
    """Raised by issue(strict=True) when the Europass credential could not be issued."""


@transaction.atomic
def issue(award_id, *, strict: bool = False) -> list[IssuedCredential]:
    """Issue whichever formats of the award are missing; calling again returns the same credentials.

    The Europass credential needs an e-seal; without one (or when its data fails the ELM shapes) the Open Badges
    credential is still issued and the problem is logged — or raised with ``strict=True``.
    """
    award = (Award.objects.select_for_update(of=("self",))  # only the award: not its organisation
             .select_related("learner", "version__microcredential__organisation").get(pk=award_id))
    if award.revoked_at is not None:  # reversed before its credentials were issued: issue nothing more
        return list(award.credentials.defer("payload").order_by("format"))
    have = set(award.credentials.values_list("format", flat=True))
    now = timezone.now().replace(microsecond=0)
    need_ob3 = not OB3_FORMATS <= have
    need_edc = app_settings.ISSUE_EDC and CredentialFormat.EDC_JADES not in have
    inputs = issuance_inputs(award) if need_ob3 or need_edc else None
    if need_ob3:
        issue_ob3(inputs, now=now)
    if need_edc:
        try:
            with transaction.atomic():
                issue_edc(inputs, now=now)
        except (SealNotConfigured, TimestampUnavailable, EdcBuildError, EdcValidationError) as exc:
            logger.warning("Europass credential of award %s not issued: %s", award.pk, exc)
            if strict:
                raise EdcNotIssued(str(exc)) from exc
    queue_deliveries(award, first_issuance=not have)
    stacks_pathway = inputs.stacks_pathway if inputs else None
    transaction.on_commit(lambda: pathway_hooks.on_award_issued(award.pk, award=award,
                                                                stacks_pathway=stacks_pathway))
    return list(award.credentials.defer("payload").order_by("format"))

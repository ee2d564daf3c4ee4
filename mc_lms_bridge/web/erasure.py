"""Learner erasure: record the request and blank the personal data, keeping credentials verifiable."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..models import Award, Learner
from ..models.erasure_request import ErasureRequest
from ..models.sign_in_link import SignInLink
from .lookup import set_public


@transaction.atomic
def erase_learner(learner: Learner) -> ErasureRequest:
    """Record the request and carry it out at once.

    Blanks names, e-mail (unverified) and DID, deletes LMS account links and sign-in links, and makes every
    credential page private. Awards, issued credentials (their signed payloads) and status-list entries stay, so
    the issuer can still revoke and anyone holding a credential can still verify it.
    """
    learner = Learner.objects.select_for_update().get(pk=learner.pk)
    request = ErasureRequest.objects.create(learner=learner)
    for award in Award.objects.filter(learner=learner):
        set_public(award, False)
    learner.given_name, learner.family_name, learner.email = "", "", ""
    learner.email_verified, learner.subject_did = False, ""
    learner.save(update_fields=["given_name", "family_name", "email", "email_verified", "subject_did"])
    learner.accounts.all().delete()
    SignInLink.objects.filter(learner=learner).delete()
    request.completed_at = timezone.now()
    request.save(update_fields=["completed_at"])
    return request

"""E-mailed one-time wallet sign-in links: create (hashed token, expiring), send, and redeem once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import identity
from ..models import Learner
from ..models.sign_in_link import SignInLink

LINK_LIFETIME = timedelta(minutes=30)
MAX_OPEN_LINKS = 5  # per learner; older unused links are dropped when more are asked for


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_link(learner: Learner, *, now=None) -> str:
    """A new link's path (/wallet/sign-in/<token>); only the token's hash is stored."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    SignInLink.objects.create(learner=learner, token_hash=token_hash(token), expires_at=now + LINK_LIFETIME)
    open_links = SignInLink.objects.filter(learner=learner, used_at__isnull=True).order_by("-created_at")
    SignInLink.objects.filter(pk__in=list(open_links.values_list("pk", flat=True)[MAX_OPEN_LINKS:])).delete()
    return reverse("mc_lms_bridge:wallet-redeem", kwargs={"token": token})


def signable_learner(email: str) -> Learner | None:
    """The learner with this verified e-mail who may sign in (not erased), or None."""
    return (Learner.objects.filter(email__iexact=email.strip(), email_verified=True, erasure_requests__isnull=True)
            .order_by("created_at").first())


def request_link(email: str) -> None:
    """E-mail a sign-in link when a learner has this verified address; silently do nothing otherwise."""
    learner = signable_learner(email)
    if learner is None:
        token_hash(secrets.token_urlsafe(32))  # same work either way
        return
    url = identity.base_url() + create_link(learner)
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    body = "\n".join([
        _("Open this link to see your micro-credentials:"), "", url, "",
        _("The link works once and expires in %(minutes)d minutes.") % {"minutes": minutes},
        _("If you did not ask for it, ignore this e-mail."),
    ])
    EmailMessage(subject=_("Your credential wallet sign-in link"), body=body,
                 from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None), to=[learner.email]).send()


@transaction.atomic
def redeem(token: str, *, now=None) -> Learner | None:
    """The learner of a valid, unused, unexpired link, marking it used; None for anything else."""
    now = now or timezone.now()
    link = (SignInLink.objects.select_for_update(of=("self",)).select_related("learner")
            .filter(token_hash=token_hash(token), used_at__isnull=True, expires_at__gt=now).first())
    if link is None or link.learner.erasure_requests.exists():
        return None
    link.used_at = now
    link.save(update_fields=["used_at"])
    return link.learner


def is_redeemable(token: str, *, now=None) -> bool:
    now = now or timezone.now()
    return SignInLink.objects.filter(token_hash=token_hash(token), used_at__isnull=True, expires_at__gt=now).exists()

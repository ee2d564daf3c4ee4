"""E-mail channel: tells the learner their credentials are ready, with links (no attachments, no secrets)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage

from .. import identity
from ..models import CredentialFormat, Delivery


def compose(delivery: Delivery) -> EmailMessage:
    award = delivery.award
    version = award.version
    title = version.title.get("en") or next(iter(version.title.values()))
    organisation = version.microcredential.organisation.display_name
    links = []
    pages = award.credentials.filter(format=CredentialFormat.OB3_DATA_INTEGRITY).values_list("pk", flat=True)
    for credential_id in pages:  # ids only: the stored credentials themselves are large
        links.append(f"Your credential page: {identity.credential_page_url(credential_id)}")
    body = "\n".join([
        f"Dear {award.learner.given_name or award.learner},",
        "",
        f"{organisation} has awarded you the micro-credential \"{title}\".",
        "It was issued as an Open Badges 3.0 credential and a Europass digital credential.",
        "",
        *links,
        "",
        "From the credential page you can add it to LinkedIn, download the baked badge and the Europass file,",
        "and share a verification link with employers.",
    ])
    return EmailMessage(subject=f"Your micro-credential: {title}", body=body,
                        from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None), to=[award.learner.email])


def send(delivery: Delivery) -> None:
    compose(delivery).send(fail_silently=False)

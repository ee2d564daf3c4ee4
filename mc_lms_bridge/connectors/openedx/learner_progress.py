"""Where an Open edX learner stands for a course's micro-credential: not started, in progress or awarded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ...identity import credential_page_url
from ...models import Award, CompletionEvent, CredentialState, MicroCredential
from .instance import PLATFORM, platform_instance

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
AWARDED = "awarded"


@dataclass(frozen=True)
class CredentialLink:
    """Links to the public page of one issued credential (the page offers the downloads and sharing)."""

    format_label: str
    page_url: str
    download_url: str


@dataclass(frozen=True)
class Progress:
    state: str
    awarded_at: datetime | None = None
    credentials: tuple[CredentialLink, ...] = ()


def _credential_uuid(credential_id: str) -> str:
    return credential_id.removeprefix("urn:uuid:")


def learner_progress(course_id: str, user_id: str | None, microcredential: MicroCredential) -> Progress:
    """The learner's live award for the micro-credential, else whether the course sent any event for them."""
    if not user_id:
        return Progress(NOT_STARTED)
    instance = platform_instance()
    award = (Award.objects.filter(version__microcredential=microcredential, revoked_at__isnull=True,
                                  learner__accounts__platform=PLATFORM,
                                  learner__accounts__platform_instance=instance,
                                  learner__accounts__user_id=user_id)
             .order_by("-awarded_at").first())
    if award is not None:
        links = tuple(
            CredentialLink(format_label=credential.get_format_display(),
                           page_url=credential_page_url(_credential_uuid(credential.credential_id)),
                           download_url=credential_page_url(_credential_uuid(credential.credential_id)) + "/download")
            for credential in award.credentials.filter(state=CredentialState.ACTIVE).order_by("format"))
        return Progress(AWARDED, award.awarded_at, links)
    started = CompletionEvent.objects.filter(platform=PLATFORM, platform_instance=instance, course_id=course_id,
                                             user_id=user_id).exists()
    return Progress(IN_PROGRESS if started else NOT_STARTED)

"""Find the award behind a public credential UUID, with its credentials by format and its visibility."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.http import Http404

from ..models import Award, CredentialFormat, IssuedCredential
from ..models.credential_visibility import CredentialVisibility


@dataclass(frozen=True)
class CredentialBundle:
    """Every credential of one award; the page id is the Data Integrity credential's UUID (as in its id)."""

    award: Award
    by_format: dict

    @property
    def page_id(self) -> uuid.UUID:
        primary = self.by_format.get(CredentialFormat.OB3_DATA_INTEGRITY) or next(iter(self.by_format.values()))
        return primary.pk

    @property
    def primary(self) -> IssuedCredential:
        return self.by_format[CredentialFormat.OB3_DATA_INTEGRITY]

    @property
    def state(self) -> str:
        return self.primary.state

    def get(self, credential_format: str) -> IssuedCredential | None:
        return self.by_format.get(credential_format)


def bundle_for_award(award: Award) -> CredentialBundle:
    credentials = {c.format: c for c in award.credentials.all()}
    return CredentialBundle(award=award, by_format=credentials)


def find_bundle(credential_uuid: uuid.UUID) -> CredentialBundle:
    """The bundle of whichever credential (any format) has this UUID; Http404 when none or no OB3 credential."""
    found = (IssuedCredential.objects.select_related(
        "award__learner", "award__version__microcredential__organisation").filter(pk=credential_uuid).first())
    if found is None:
        raise Http404("No such credential.")
    award = found.award
    credentials = {c.format: c for c in IssuedCredential.objects.filter(award_id=award.pk)}
    if CredentialFormat.OB3_DATA_INTEGRITY not in credentials:
        raise Http404("No such credential.")
    return CredentialBundle(award=award, by_format=credentials)


def is_public(award: Award) -> bool:
    """Public unless the learner made the page private (no row = public)."""
    return not CredentialVisibility.objects.filter(award_id=award.pk, public=False).exists()


def set_public(award: Award, public: bool) -> None:
    CredentialVisibility.objects.update_or_create(award=award, defaults={"public": public})

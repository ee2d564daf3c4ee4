"""What every credential format of one award reads, loaded once per issuance: rows, records, pathway or not."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.records import learner_record, microcredential_record, organisation_record
from ..formats.record import LearnerRecord, MicroCredentialRecord, OrganisationRecord
from ..models import Award, Organisation, Pathway


@dataclass(frozen=True)
class IssuanceInputs:
    """One award with the records its OB3 and EDC credentials are built from."""

    award: Award
    organisation: Organisation
    microcredential: MicroCredentialRecord
    issuer: OrganisationRecord
    learner: LearnerRecord
    stacks_pathway: bool  # the award is of a pathway's own credential (its formats list the components)


def issuance_inputs(award: Award) -> IssuanceInputs:
    """Load the records of ``award`` (select ``version__microcredential__organisation`` and ``learner`` with it)."""
    version = award.version
    organisation = version.microcredential.organisation
    return IssuanceInputs(
        award=award, organisation=organisation, microcredential=microcredential_record(version),
        issuer=organisation_record(organisation), learner=learner_record(award.learner),
        stacks_pathway=Pathway.objects.filter(microcredential_id=version.microcredential_id).exists())

"""Issue the CLR 2.0 of a stacked credential: the pathway and component OB3 credentials, whole, signed once."""

from __future__ import annotations

import json
import uuid

from django.db import transaction
from django.utils import timezone

from ..formats.clr import association, build_clr_credential, validate_clr
from ..issuance.signing import sign_data_integrity
from ..models import Award, CredentialFormat, IssuedCredential, Pathway, Recognition
from ..rules.pathway_graph import pathway_refs
from ..rules.pathway_tree import parse_rule
from ..status.service import status_entry

#: IssuedCredential.format of the CLR (until the lead adds it to CredentialFormat).
CLR_DATA_INTEGRITY = "clr+di"


class ClrNotIssued(Exception):
    """The CLR cannot be built (the stacked OB3 credential is missing or the record breaks the CLR rules)."""


def _ob3(award_id) -> IssuedCredential | None:
    return IssuedCredential.objects.filter(award_id=award_id, format=CredentialFormat.OB3_DATA_INTEGRITY).first()


def _parents(pathway: Pathway) -> dict[str, str]:
    """Micro-credential id -> the (nested) pathway micro-credential it is a direct part of, over the whole tree."""
    parent_of: dict[str, str] = {}
    queue = [pathway]
    while queue:
        current = queue.pop()
        for mc in current.components.values_list("pk", flat=True):
            parent_of.setdefault(str(mc), str(current.microcredential_id))
        nested = list(Pathway.objects.filter(pk__in=pathway_refs(parse_rule(current.rule))))
        for child in nested:
            parent_of.setdefault(str(child.microcredential_id), str(current.microcredential_id))
        queue += nested
    return parent_of


@transaction.atomic
def issue_clr(award_id) -> IssuedCredential:
    """Build, check, sign and store the CLR of a pathway award; calling again returns the stored one."""
    award = (Award.objects.select_for_update(of=("self",))
             .select_related("learner", "version__microcredential__organisation").get(pk=award_id))
    existing = IssuedCredential.objects.filter(award=award, format=CLR_DATA_INTEGRITY).first()
    if existing is not None:
        return existing
    pathway = Pathway.objects.get(microcredential_id=award.version.microcredential_id)
    own = _ob3(award.pk)
    if own is None:
        raise ClrNotIssued(f"Award {award.pk} has no Open Badges credential to build a CLR from.")
    stacked = json.loads(own.payload)
    components = award.reason.get("components", [])
    root = str(award.version.microcredential_id)
    embedded, parts = [stacked], []
    for item in components:
        document = _component_document(item)
        if document is not None:
            embedded.append(document)
            parts.append((item.get("microcredential") or item["credential"],
                          document["credentialSubject"]["achievement"]["id"]))
    achievement_of = {root: stacked["credentialSubject"]["achievement"]["id"], **dict(parts)}
    parents = _parents(pathway)
    associations = [association(achievement_id, "isPartOf",
                                achievement_of.get(parents.get(key, root), achievement_of[root]))
                    for key, achievement_id in parts]
    now = timezone.now().replace(microsecond=0)
    organisation = award.version.microcredential.organisation
    credential_uuid = uuid.uuid4()
    subject = stacked["credentialSubject"]
    unsigned = build_clr_credential(
        credential_id=f"urn:uuid:{credential_uuid}", issuer=stacked["issuer"], subject_id=subject["id"],
        name=f"{stacked['name']}: comprehensive learner record", credentials=embedded,
        associations=associations, valid_from=now, identifier=subject.get("identifier", ()),
        status_entry=status_entry(own.status_list, own.status_index) if own.status_list_id else None)
    problems = validate_clr(unsigned)
    if problems:
        raise ClrNotIssued("The CLR breaks the CLR 2.0 rules: " + "; ".join(problems[:5]))
    signed, key = sign_data_integrity(unsigned, organisation, now=now)
    return IssuedCredential.objects.create(
        id=credential_uuid, award=award, format=CLR_DATA_INTEGRITY, credential_id=unsigned["id"],
        payload=json.dumps(signed, ensure_ascii=False, separators=(",", ":")), key=key,
        status_list=own.status_list, status_index=own.status_index, state=own.state, issued_at=now)


def _component_document(item: dict) -> dict | None:
    """The component credential exactly as issued (ours) or as submitted (a recognised Data Integrity one)."""
    if item.get("kind") == "recognition":
        submitted = Recognition.objects.filter(pk=item["recognition"]).values_list("submitted", flat=True).first()
        return submitted if isinstance(submitted, dict) else None
    row = _ob3(item["award"])
    return json.loads(row.payload) if row is not None else None

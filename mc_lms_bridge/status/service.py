"""Status lists in the database: allocate entries, change a credential's status, sign the list when it changed."""

from __future__ import annotations

import json
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .. import audit, identity, keystore
from ..crypto.cryptosuites import eddsa_rdfc_2022
from ..crypto.document_loader import strict_document_loader
from ..models import CredentialState, IssuedCredential, KeyAlgorithm, Organisation, StatusList, StatusPurpose
from ..models.status_list import DEFAULT_LIST_SIZE
from .allocation import index_for, new_permutation
from .bitstring import encode_list, get_bit, new_list, set_bit
from .counters import create_counter, next_counter
from .status_list_credential import build_status_entry, build_status_list_credential


class StatusChangeRefused(Exception):
    """The requested status change is not possible for this credential."""


def _open_list(organisation: Organisation, purpose: str) -> StatusList:
    """The organisation's list for new entries; a new one (locked creation) when none is open."""
    current = (StatusList.objects.filter(organisation=organisation, purpose=purpose, full=False)
               .order_by("-sequence").first())
    return current or _new_list(organisation, purpose)


def _new_list(organisation: Organisation, purpose: str) -> StatusList:
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        current = (StatusList.objects.filter(organisation=organisation, purpose=purpose, full=False)
                   .order_by("-sequence").first())
        if current is not None:
            return current
        last = StatusList.objects.filter(organisation=organisation, purpose=purpose).order_by("-sequence").first()
        multiplier, offset = new_permutation(DEFAULT_LIST_SIZE)
        status_list = StatusList.objects.create(
            organisation=organisation, purpose=purpose, sequence=(last.sequence + 1) if last else 1,
            size=DEFAULT_LIST_SIZE, bits=bytes(new_list(DEFAULT_LIST_SIZE)), permutation_multiplier=multiplier,
            permutation_offset=offset)
        create_counter(status_list)
        return status_list


def allocate_entry(organisation: Organisation, purpose: str = StatusPurpose.REVOCATION) -> tuple[StatusList, int]:
    """Hand out a never-used index of the organisation's open list; concurrent issuances do not wait on each other."""
    while True:
        status_list = _open_list(organisation, purpose)
        counter = next_counter(status_list)
        if counter < status_list.size:
            index = index_for(counter, size=status_list.size, multiplier=status_list.permutation_multiplier,
                              offset=status_list.permutation_offset)
            status_list.organisation = organisation  # already loaded: status_entry() needs no second query
            return status_list, index
        StatusList.objects.filter(pk=status_list.pk).update(full=True)


def status_entry(status_list: StatusList, index: int) -> dict:
    url = identity.status_list_url(status_list.organisation, status_list.purpose, status_list.sequence)
    return build_status_entry(list_url=url, index=index, purpose=status_list.purpose)


TRANSITIONS = {
    "revoke": ({CredentialState.ACTIVE, CredentialState.SUSPENDED}, CredentialState.REVOKED, True),
    "suspend": ({CredentialState.ACTIVE}, CredentialState.SUSPENDED, True),
    "unsuspend": ({CredentialState.SUSPENDED}, CredentialState.ACTIVE, False),
}


@transaction.atomic
def change_status(credential: IssuedCredential, action: str, *, actor: audit.Actor, reason: str) -> None:
    """Revoke, suspend or unsuspend every format of the credential's award; the bit flips, the list re-signs later."""
    if action not in TRANSITIONS:
        raise StatusChangeRefused(f"Unknown status action {action!r}; use revoke, suspend or unsuspend.")
    allowed_from, new_state, bit = TRANSITIONS[action]
    siblings = list(IssuedCredential.objects.select_for_update().filter(award_id=credential.award_id))
    state = siblings[0].state
    if state not in allowed_from:
        raise StatusChangeRefused(f"Cannot {action} a credential that is {state}.")
    status_list = StatusList.objects.select_for_update().get(pk=credential.status_list_id)
    if action in ("suspend", "unsuspend") and status_list.purpose != StatusPurpose.SUSPENSION:
        raise StatusChangeRefused(
            "This credential's status entry is a revocation list (Open Badges 3.0 allows one status entry per "
            "credential); it can be revoked but not suspended. Set MC_LMS_BRIDGE['STATUS_PURPOSE'] to "
            "'suspension' for suspendable credentials.")
    bits = bytearray(status_list.bits)
    set_bit(bits, credential.status_index, bit)
    status_list.bits, status_list.changed_at = bytes(bits), timezone.now()
    status_list.save(update_fields=["bits", "changed_at"])
    IssuedCredential.objects.filter(award_id=credential.award_id).update(state=new_state)
    if action == "revoke":
        credential.award.__class__.objects.filter(pk=credential.award_id).update(revoked_at=timezone.now())
        award_id = credential.award_id
        transaction.on_commit(lambda: _pathway_hooks().on_award_revoked(award_id))
    audit.record(actor, action, credential, changes={"state": new_state, "status_list": str(status_list),
                                                     "index": credential.status_index}, reason=reason)


def _pathway_hooks():
    from ..pathways import hooks

    return hooks


def bit_is_set(status_list: StatusList, index: int) -> bool:
    return get_bit(status_list.bits, index)


def signed_status_list(status_list: StatusList, *, now: datetime | None = None) -> dict:
    """The signed BitstringStatusListCredential as a dict (see ``signed_status_list_text``)."""
    return json.loads(signed_status_list_text(status_list, now=now))


def signed_status_list_text(status_list: StatusList, *, now: datetime | None = None) -> str:
    """Exact JSON text of the signed list credential; re-signed only when a bit changed since the last signature."""
    if not status_list.needs_signing:
        return status_list.signed_credential
    with transaction.atomic():
        locked = (StatusList.objects.select_for_update(of=("self",)).select_related("organisation")
                  .get(pk=status_list.pk))
        if locked.needs_signing:
            now = now or timezone.now()
            organisation = locked.organisation
            key = keystore.signing_key(organisation, KeyAlgorithm.ED25519)
            unsigned = build_status_list_credential(
                list_url=identity.status_list_url(organisation, locked.purpose, locked.sequence),
                issuer_id=identity.organisation_did(organisation), purpose=locked.purpose,
                encoded_list=encode_list(locked.bits), valid_from=min(now, locked.changed_at).replace(microsecond=0))
            signed = eddsa_rdfc_2022.create_proof(
                unsigned, private_key=keystore.private_key(key),
                verification_method=identity.verification_method_id(key), created=now,
                loader=strict_document_loader())
            locked.signed_credential = json.dumps(signed, ensure_ascii=False, indent=2)
            locked.signed_at = now
            locked.save(update_fields=["signed_credential", "signed_at"])
        return locked.signed_credential

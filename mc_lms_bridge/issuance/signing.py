"""Sign a JSON-LD credential with the organisation's current Ed25519 key (eddsa-rdfc-2022 Data Integrity proof)."""

from __future__ import annotations

from datetime import datetime

from .. import identity, keystore
from ..crypto.cryptosuites import eddsa_rdfc_2022
from ..crypto.document_loader import strict_document_loader
from ..models import IssuerKey, KeyAlgorithm, Organisation


def sign_data_integrity(unsigned: dict, organisation: Organisation, *, now: datetime) -> tuple[dict, IssuerKey]:
    """The signed document and the key that signed it (contexts only from the pinned loader)."""
    key = keystore.signing_key(organisation, KeyAlgorithm.ED25519)
    signed = eddsa_rdfc_2022.create_proof(
        unsigned, private_key=keystore.private_key(key), verification_method=identity.verification_method_id(key),
        created=now, loader=strict_document_loader())
    return signed, key

"""Create credential offers (pre-authorized code, optional PIN) and serve them by reference."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone

from ..models import CredentialFormat, CredentialState, IssuedCredential
from ..models.oid4vci import CredentialOffer
from . import hashing
from .config import CONFIGURATION_ID, PRE_AUTHORIZED_GRANT, TX_CODE_LENGTH, seconds
from .metadata import endpoint, issuer_identifier

OFFER_SCHEME = "openid-credential-offer://"


class OfferRefused(Exception):
    """The credential cannot be offered to a wallet (wrong format, revoked or suspended)."""


@dataclass(frozen=True)
class Offer:
    """A created offer: what to show the learner (links, QR target) and the PIN to send out of band."""

    id: str
    credential_offer: dict
    deep_link: str
    credential_offer_uri: str
    qr_url: str
    tx_code: str | None
    expires_at: datetime


def _code_for(handle: str) -> str:
    """The pre-authorized code derived from the by-reference handle, so that neither is stored in clear."""
    key = hashlib.sha256(f"mc-lms-bridge/oid4vci/code/{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, handle.encode("ascii"), hashlib.sha256).hexdigest()


def offer_document(code: str, *, with_tx_code: bool) -> dict:
    """The Credential Offer object (OpenID4VCI 1.0 section 4.1.1)."""
    grant: dict = {"pre-authorized_code": code}
    if with_tx_code:
        grant["tx_code"] = {"input_mode": "numeric", "length": TX_CODE_LENGTH,
                            "description": "Enter the code we sent you separately."}
    return {"credential_issuer": issuer_identifier(), "credential_configuration_ids": [CONFIGURATION_ID],
            "grants": {PRE_AUTHORIZED_GRANT: grant}}


def create_offer(issued_credential: IssuedCredential, *, tx_code: bool, now: datetime | None = None) -> Offer:
    """Offer an active OB3 Data Integrity credential to a wallet; the offer expires and can be redeemed once."""
    if issued_credential.format != CredentialFormat.OB3_DATA_INTEGRITY:
        raise OfferRefused("Only Open Badges 3.0 Data Integrity credentials can be offered to wallets.")
    if issued_credential.state != CredentialState.ACTIVE:
        raise OfferRefused(f"The credential is {issued_credential.state}; it cannot be offered.")
    if issued_credential.status_list_id is None:
        raise OfferRefused("The credential has no status entry, so a wallet copy could not be revoked with it.")
    now = now or timezone.now()
    handle = hashing.new_secret()
    code = _code_for(handle)
    pin = hashing.new_pin(TX_CODE_LENGTH) if tx_code else None
    row = CredentialOffer.objects.create(
        credential=issued_credential, configuration_id=CONFIGURATION_ID, code_hash=hashing.sha256_hex(code),
        handle_hash=hashing.sha256_hex(handle),
        tx_code_hash=hashing.keyed_hash(pin, context="tx_code") if pin else "",
        created_at=now, expires_at=now + timedelta(seconds=seconds("OID4VCI_OFFER_SECONDS")))
    document = offer_document(code, with_tx_code=tx_code)
    offer_uri = endpoint(f"offers/{handle}")
    return Offer(
        id=str(row.id), credential_offer=document,
        deep_link=f"{OFFER_SCHEME}?credential_offer={quote(json.dumps(document, separators=(',', ':')), safe='')}",
        credential_offer_uri=offer_uri, qr_url=f"{OFFER_SCHEME}?credential_offer_uri={quote(offer_uri, safe='')}",
        tx_code=pin, expires_at=row.expires_at)


def offer_by_handle(handle: str, *, now: datetime) -> dict | None:
    """The offer behind a credential_offer_uri handle, or None when unknown, expired or already redeemed."""
    if not isinstance(handle, str) or not 20 <= len(handle) <= 100:
        return None
    row = CredentialOffer.objects.filter(handle_hash=hashing.sha256_hex(handle), redeemed_at__isnull=True,
                                         expires_at__gt=now).first()
    if row is None:
        return None
    return offer_document(_code_for(handle), with_tx_code=bool(row.tx_code_hash))

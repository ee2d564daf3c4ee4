"""Token endpoint logic: exchange a pre-authorized code (and its PIN) for a short-lived access token."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction

from ..models.oid4vci import CredentialOffer, WalletAccessToken
from . import hashing
from .config import MAX_TX_CODE_FAILURES, PRE_AUTHORIZED_GRANT, seconds
from .errors import OAuthError

MAX_PARAMETER_CHARS = 512


def _single(form, name: str) -> str | None:
    """One form parameter; RFC 6749 forbids sending a parameter twice."""
    values = form.getlist(name) if hasattr(form, "getlist") else ([form[name]] if name in form else [])
    if len(values) > 1:
        raise OAuthError("invalid_request", f"The parameter {name} was sent more than once.")
    if not values:
        return None
    value = values[0]
    if not isinstance(value, str) or not value or len(value) > MAX_PARAMETER_CHARS:
        raise OAuthError("invalid_request", f"The parameter {name} is empty or too long.")
    return value


def _check_tx_code(offer: CredentialOffer, tx_code: str | None) -> OAuthError | None:
    """The error for a missing, unexpected or wrong PIN (counting wrong attempts), or None."""
    if not offer.tx_code_hash:
        return OAuthError("invalid_request", "This offer has no transaction code; do not send tx_code.") \
            if tx_code is not None else None
    if tx_code is None:
        return OAuthError("invalid_request", "This offer requires the transaction code (tx_code) sent to you.")
    if offer.tx_code_failures >= MAX_TX_CODE_FAILURES:
        return OAuthError("invalid_grant", "Too many wrong transaction codes; ask for a new offer.")
    if not hashing.same(hashing.keyed_hash(tx_code, context="tx_code"), offer.tx_code_hash):
        CredentialOffer.objects.filter(pk=offer.pk).update(tx_code_failures=offer.tx_code_failures + 1)
        return OAuthError("invalid_grant", "The transaction code is wrong.")
    return None


def exchange_code(form, *, now: datetime) -> dict:
    """Redeem the offer once and return the token response; raises ``OAuthError`` (after saving attempt counts)."""
    grant_type = _single(form, "grant_type")
    if grant_type is None:
        raise OAuthError("invalid_request", "grant_type is required.")
    if grant_type != PRE_AUTHORIZED_GRANT:
        raise OAuthError("unsupported_grant_type", f"Only the {PRE_AUTHORIZED_GRANT} grant is supported.")
    code, tx_code = _single(form, "pre-authorized_code"), _single(form, "tx_code")
    if code is None:
        raise OAuthError("invalid_request", "pre-authorized_code is required.")
    with transaction.atomic():
        offer = (CredentialOffer.objects.select_for_update()
                 .filter(code_hash=hashing.sha256_hex(code)).first())
        if offer is None or offer.redeemed_at is not None or offer.expires_at <= now:
            raise OAuthError("invalid_grant", "The pre-authorized code is unknown, expired or already used.")
        error = _check_tx_code(offer, tx_code)
        if error is None:
            raw = hashing.new_secret()
            lifetime = seconds("OID4VCI_ACCESS_TOKEN_SECONDS")
            CredentialOffer.objects.filter(pk=offer.pk).update(redeemed_at=now)
            WalletAccessToken.objects.create(token_hash=hashing.sha256_hex(raw), offer=offer,
                                             expires_at=now + timedelta(seconds=lifetime))
    if error is not None:  # raised outside the transaction so a wrong PIN stays counted
        raise error
    return {"access_token": raw, "token_type": "Bearer", "expires_in": lifetime}

"""Credential endpoint logic: validate the request, verify the key proof and nonce, issue the holder copy."""

from __future__ import annotations

import json
from datetime import datetime

from django.db import transaction

from ..models import CredentialState, IssuedCredential
from ..models.oid4vci import WalletAccessToken
from .config import CONFIGURATION_ID
from .errors import OAuthError, invalid_token
from .holder_copy import issue_holder_copy
from .metadata import issuer_identifier
from .nonces import consume_nonce
from .proofs import invalid_proof, verify_key_proof


def _bad_request(description: str) -> OAuthError:
    return OAuthError("invalid_credential_request", description)


def _configuration(body: dict, token: WalletAccessToken) -> None:
    if "credential_identifier" in body:
        raise _bad_request("credential_identifier is only for authorization_details, which this issuer does not use.")
    configuration_id = body.get("credential_configuration_id")
    if not isinstance(configuration_id, str) or not configuration_id:
        raise _bad_request("credential_configuration_id is required.")
    if configuration_id != CONFIGURATION_ID or configuration_id != token.offer.configuration_id:
        raise OAuthError("unknown_credential_configuration",
                         f"The credential configuration {configuration_id[:100]!r} was not offered.")
    if "credential_response_encryption" in body:
        raise OAuthError("invalid_encryption_parameters", "This issuer does not encrypt credential responses.")


def _proof_jwt(body: dict) -> str:
    if "proof" in body:
        raise _bad_request("OpenID4VCI 1.0 takes key proofs in 'proofs' ({\"jwt\": [...]}), not 'proof'.")
    proofs = body.get("proofs")
    if proofs is None:
        raise invalid_proof("A key proof is required: proofs = {\"jwt\": [\"<proof JWT>\"]}.")
    if not isinstance(proofs, dict) or len(proofs) != 1:
        raise _bad_request("proofs must be an object with exactly one proof type.")
    if "jwt" not in proofs:
        raise invalid_proof("Only the jwt proof type is supported.")
    jwts = proofs["jwt"]
    if not isinstance(jwts, list) or len(jwts) != 1:
        raise _bad_request("proofs.jwt must be an array of exactly one proof (batch issuance is not offered).")
    return jwts[0]


def handle_credential_request(body: object, token: WalletAccessToken, *, now: datetime) -> dict:
    """The credential response for a valid request; raises ``OAuthError`` with the spec's error code."""
    if not isinstance(body, dict):
        raise _bad_request("The credential request must be a JSON object.")
    _configuration(body, token)
    proof = verify_key_proof(_proof_jwt(body), audience=issuer_identifier(), now=now)
    if not consume_nonce(proof.nonce, now=now):
        raise OAuthError("invalid_nonce", "The c_nonce is unknown, expired or already used; get a fresh one.")
    with transaction.atomic():
        locked = WalletAccessToken.objects.select_for_update(of=("self",)).select_related("offer").get(pk=token.pk)
        if locked.used_at is not None:
            raise invalid_token("The access token was already used.")
        original = IssuedCredential.objects.get(pk=locked.offer.credential_id)
        if original.state != CredentialState.ACTIVE:
            raise OAuthError("credential_request_denied", f"The credential is {original.state}.")
        copy = issue_holder_copy(locked.offer, holder_did=proof.holder.did, now=now)
        WalletAccessToken.objects.filter(pk=locked.pk).update(used_at=now)
    return {"credentials": [{"credential": json.loads(copy.payload)}]}

"""Verification entry point used by the API and pages: picks the format, wires local + remote fetchers."""

from __future__ import annotations

from django.utils import timezone

from .. import sealstore
from ..conf import app_settings
from ..crypto.document_loader import strict_document_loader
from .credential_input import CredentialInputError, parse_credential_input
from .django_fetcher import LocalDocumentFetcher
from .edc import verify_edc
from .fetching import ChainFetcher
from .ob3 import verify_ob3

__all__ = ["CredentialInputError", "verify_any", "fetcher"]


def fetcher() -> ChainFetcher:
    """Our own documents from the database first, then the configured remote fetcher."""
    remote = app_settings.REMOTE_FETCHER
    return ChainFetcher(LocalDocumentFetcher(), remote()) if remote else ChainFetcher(LocalDocumentFetcher())


def verify_any(raw: bytes | str) -> dict:
    """Verify an OB3 credential (JSON with a Data Integrity proof, or a VC-JWT) or a sealed EDC credential.

    Raises CredentialInputError (one sentence) when the input is not a credential at all.
    """
    parsed = parse_credential_input(raw, max_bytes=app_settings.MAX_REQUEST_BYTES)
    now = timezone.now()
    if isinstance(parsed, dict) and "signatures" in parsed and "payload" in parsed:
        anchors = sealstore.trust_anchors(app_settings.EDC_TRUST_ANCHORS)
        return verify_edc(parsed, trust_anchors=anchors, now=now).to_dict()
    report = verify_ob3(parsed, fetch=fetcher().fetch, now=now, loader=strict_document_loader())
    return {"verified": report.verified, **report.to_dict()}

"""Everything the public credential page shows, gathered from one award (no request handling here)."""

from __future__ import annotations

import json

from .. import identity
from ..models import CredentialFormat
from . import downloads
from .elements import element_rows
from .linkedin_links import linkedin_links
from .lookup import CredentialBundle
from .presentation import check_lines, verdict
from .verification_cache import status_lists_of, verify_stored

FORMAT_LABELS = {
    CredentialFormat.OB3_DATA_INTEGRITY: "Open Badges 3.0 — Data Integrity (eddsa-rdfc-2022)",
    CredentialFormat.OB3_JWT: "Open Badges 3.0 — VC-JWT",
    CredentialFormat.EDC_JADES: "Europass EDC — JAdES e-seal",
}
FORMAT_ORDER = (CredentialFormat.OB3_DATA_INTEGRITY, CredentialFormat.OB3_JWT, CredentialFormat.EDC_JADES)


def localised(texts: dict | None, language: str) -> tuple[str, str]:
    """(text, its language) from a language map: the wanted language, else English, else any."""
    texts = texts or {}
    for code in (language, "en"):
        if texts.get(code):
            return texts[code], code
    return next(((text, code) for code, text in texts.items() if text), ("", ""))


def verification_blocks(bundle: CredentialBundle) -> list[dict]:
    credentials = [bundle.get(f) for f in FORMAT_ORDER if bundle.get(f) is not None]
    lists = status_lists_of(credentials)
    blocks = []
    for credential in credentials:
        result = verify_stored(credential, lists)
        tone, sentence = verdict(result, credential.state)
        blocks.append({"label": FORMAT_LABELS[credential.format], "tone": tone, "sentence": sentence,
                       "checks": check_lines(result)})
    return blocks


def page_context(bundle: CredentialBundle, language: str) -> dict:
    credential = json.loads(bundle.primary.payload)
    version = bundle.award.version
    organisation = version.microcredential.organisation
    title, title_language = localised(version.title, language)
    description, description_language = localised(version.description, language)
    rows, outcomes = element_rows(credential)
    page_id = bundle.page_id
    return {
        "bundle": bundle, "page_id": page_id, "state": bundle.state, "learner": bundle.award.learner,
        "title": title, "title_language": title_language, "description": description,
        "description_language": description_language, "content_languages": sorted(version.title or {}),
        "organisation": organisation.display_name, "rows": rows, "outcomes": outcomes,
        "verification": verification_blocks(bundle), "downloads": downloads.available_kinds(bundle),
        "linkedin": linkedin_links(bundle, credential), "page_url": identity.credential_page_url(page_id),
        "badge_png_url": identity.credential_page_url(page_id) + "/badge.png",
        "issued_at": bundle.primary.issued_at,
    }

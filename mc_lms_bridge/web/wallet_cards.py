"""One card per award of a learner for the wallet: title, issuer, state, page, downloads, LinkedIn, visibility."""

from __future__ import annotations

import json

from django.utils.translation import get_language

from ..models import Award, CredentialFormat
from . import downloads
from .credential_page import localised
from .linkedin_links import linkedin_links
from .lookup import bundle_for_award, is_public


def wallet_cards(learner) -> list[dict]:
    awards = (Award.objects.filter(learner=learner).select_related("version__microcredential__organisation")
              .prefetch_related("credentials").order_by("-awarded_at"))
    cards = []
    for award in awards:
        bundle = bundle_for_award(award)
        if bundle.get(CredentialFormat.OB3_DATA_INTEGRITY) is None:
            continue  # not issued yet
        version = award.version
        title, title_language = localised(version.title, get_language())
        cards.append({
            "page_id": bundle.page_id, "title": title, "title_language": title_language,
            "organisation": version.microcredential.organisation.display_name, "state": bundle.state,
            "issued_at": bundle.primary.issued_at, "public": is_public(award),
            "downloads": downloads.available_kinds(bundle),
            "linkedin": linkedin_links(bundle, json.loads(bundle.primary.payload)),
        })
    return cards

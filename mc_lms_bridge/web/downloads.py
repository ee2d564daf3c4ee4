"""The downloadable files of a credential: name, bytes and media type for each kind."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..crypto.jades import extract_payload
from ..models import CredentialFormat
from .badge_images import baked_png, baked_svg
from .lookup import CredentialBundle


@dataclass(frozen=True)
class Download:
    filename: str
    content: bytes
    content_type: str


def _text(bundle: CredentialBundle, credential_format: str) -> str | None:
    found = bundle.get(credential_format)
    return found.payload if found is not None else None


def _edc_jsonld(bundle: CredentialBundle) -> bytes | None:
    sealed = _text(bundle, CredentialFormat.EDC_JADES)
    if sealed is None:
        return None
    document = json.loads(extract_payload(json.loads(sealed)))
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _encoded(text: str | None) -> bytes | None:
    return text.encode("utf-8") if text is not None else None


#: kind -> (file suffix, media type, producer). Order = order on the pages.
KINDS = {
    "badge.png": ("badge.png", "image/png", baked_png),
    "badge.svg": ("badge.svg", "image/svg+xml", lambda b: baked_svg(b).encode("utf-8")),
    "ob3.json": ("ob3.json", "application/vc+ld+json",
                 lambda b: _encoded(_text(b, CredentialFormat.OB3_DATA_INTEGRITY))),
    "ob3.jwt": ("ob3.jwt", "application/jwt", lambda b: _encoded(_text(b, CredentialFormat.OB3_JWT))),
    "edc.json": ("edc.json", "application/jose+json", lambda b: _encoded(_text(b, CredentialFormat.EDC_JADES))),
    "edc.jsonld": ("edc.jsonld", "application/ld+json", _edc_jsonld),
    "clr.json": ("clr.json", "application/vc+ld+json",
                 lambda b: _encoded(_text(b, CredentialFormat.CLR_DATA_INTEGRITY))),
}


def available_kinds(bundle: CredentialBundle) -> list[str]:
    """The kinds this award has (the EDC files only when a Europass credential was issued)."""
    has_edc = bundle.get(CredentialFormat.EDC_JADES) is not None
    has_clr = bundle.get(CredentialFormat.CLR_DATA_INTEGRITY) is not None
    return [kind for kind in KINDS
            if (has_edc or not kind.startswith("edc.")) and (has_clr or not kind.startswith("clr."))]


def build(bundle: CredentialBundle, kind: str) -> Download | None:
    """The file of this kind, or None when the award has no such credential."""
    if kind not in KINDS:
        return None
    suffix, media_type, produce = KINDS[kind]
    content = produce(bundle)
    if content is None:
        return None
    return Download(filename=f"credential-{bundle.page_id}-{suffix}", content=content, content_type=media_type)

"""The ``DisplayParameter``: title, languages and the (PNG, base64) visual of the credential."""

from __future__ import annotations

import base64
from collections.abc import Sequence

from mc_lms_bridge.formats.edc.concepts import base64_encoding_concept, language_concept, png_file_type_concept
from mc_lms_bridge.formats.edc.errors import EdcBuildError
from mc_lms_bridge.formats.edc.ids import epass_id
from mc_lms_bridge.formats.edc.text import language_map
from mc_lms_bridge.formats.record import AwardRecord, MicroCredentialRecord

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# A 1x1 white PNG. The ELM shapes make a display image mandatory (DisplayParameter -> IndividualDisplay ->
# DisplayDetail -> image); callers should pass the rendered credential, this only keeps the document valid.
PLACEHOLDER_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"
)


def image_node(award: AwardRecord, png: bytes) -> dict:
    """A ``MediaObject`` holding the PNG, base64-encoded, with its content type and encoding concepts."""
    if not png.startswith(PNG_SIGNATURE):
        raise EdcBuildError("The display image is not a PNG file (its first bytes lack the PNG signature).")
    return {
        "id": epass_id("mediaObject", award.id, "display"),
        "type": "MediaObject",
        "content": base64.b64encode(png).decode("ascii"),
        "contentType": png_file_type_concept(),
        "contentEncoding": base64_encoding_concept(),
    }


def individual_display_node(award: AwardRecord, language: str, image: dict) -> dict:
    """One ``IndividualDisplay`` (per language) showing the image on page 1."""
    return {
        "id": epass_id("individualDisplay", award.id, language),
        "type": "IndividualDisplay",
        "language": language_concept(language),
        "displayDetail": [
            {
                "id": epass_id("displayDetail", award.id, language),
                "type": "DisplayDetail",
                "page": 1,
                "image": image,
            }
        ],
    }


def display_parameter_node(
    award: AwardRecord,
    mc: MicroCredentialRecord,
    languages: Sequence[str],
    display_image_png: bytes | None,
) -> dict:
    """The ``DisplayParameter``; the image is embedded once and referenced by the other languages."""
    image = image_node(award, display_image_png if display_image_png is not None else PLACEHOLDER_PNG)
    image_reference = {"id": image["id"]}
    node: dict = {
        "id": epass_id("displayParameter", award.id),
        "type": "DisplayParameter",
        "title": language_map(mc.title),
        "language": [language_concept(lang) for lang in languages],
        "primaryLanguage": language_concept(languages[0]),
        "individualDisplay": [
            individual_display_node(award, lang, image if position == 0 else image_reference)
            for position, lang in enumerate(languages)
        ],
    }
    if mc.description:
        node["description"] = language_map(mc.description)
    return node

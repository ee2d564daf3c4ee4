"""Turn what a person dropped on the verify page into credential text: unbake images, decode files."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..baking import BakingError, unbake_png, unbake_svg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class UnreadableInput(ValueError):
    """The upload is not a credential, a baked badge or text."""


def credential_text(pasted: str, upload_bytes: bytes | None) -> str:
    """The credential as text: from a baked PNG/SVG, an uploaded text file, or the pasted text."""
    if upload_bytes is None:
        return pasted
    try:
        if upload_bytes.startswith(PNG_SIGNATURE):
            return unbake_png(upload_bytes).text
        text = upload_bytes.decode("utf-8-sig")
    except BakingError as error:
        raise UnreadableInput(_("This image carries no readable credential: %(why)s") % {"why": error})
    except UnicodeDecodeError:
        raise UnreadableInput(_("This file is neither a badge image nor a text credential."))
    if text.lstrip().startswith("<"):
        try:
            return unbake_svg(text).text
        except BakingError as error:
            raise UnreadableInput(_("This image carries no readable credential: %(why)s") % {"why": error})
    return text

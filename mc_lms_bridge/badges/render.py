"""Render a micro-credential badge as SVG (every value escaped by ElementTree) and as PNG."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET  # noqa: S405 - type only; parsing goes through defusedxml
from dataclasses import dataclass

from ..formats.record import MicroCredentialRecord
from .colours import palette, validate_colour
from .content import badge_content
from .errors import InvalidColour, InvalidLogo, InvalidSize
from .png import check_svg, png_dimensions, rasterise
from .safety import PNG_DATA_URI
from .slots import SlotValues, fill_template, serialise
from .templates import get_template, template_tree

__all__ = [
    "ALLOWED_SIZES",
    "MAX_LOGO_BYTES",
    "BadgeStyle",
    "InvalidColour",
    "InvalidLogo",
    "InvalidSize",
    "logo_data_uri",
    "render_badge_png",
    "render_badge_svg",
]

ALLOWED_SIZES = (300, 600, 1200)
MAX_LOGO_BYTES = 1024 * 1024


@dataclass(frozen=True)
class BadgeStyle:
    """Which template to use and its two colours (strictly ``#rrggbb``)."""

    template: str = "ribbon"
    primary: str = "#1f4e79"
    secondary: str = "#f2c14e"

    def __post_init__(self) -> None:
        get_template(self.template)
        validate_colour(self.primary)
        validate_colour(self.secondary)


def logo_data_uri(logo_png: bytes | None) -> str | None:
    """``data:image/png;base64,...`` for a PNG logo; :class:`InvalidLogo` for anything that is not one."""
    if logo_png is None:
        return None
    if not isinstance(logo_png, bytes | bytearray) or len(logo_png) > MAX_LOGO_BYTES:
        raise InvalidLogo(f"logo must be PNG bytes of at most {MAX_LOGO_BYTES} bytes")
    try:
        width, height = png_dimensions(bytes(logo_png))
    except ValueError:
        raise InvalidLogo("logo is not a PNG image")
    if not width or not height:
        raise InvalidLogo("logo has no pixels")
    return PNG_DATA_URI + base64.b64encode(bytes(logo_png)).decode("ascii")


def badge_slot_values(
    microcredential: MicroCredentialRecord, style: BadgeStyle, logo_png: bytes | None, language: str | None
) -> SlotValues:
    """Everything a badge template can show, ready for :func:`fill_template`."""
    content = badge_content(microcredential, language)
    logo = logo_data_uri(logo_png)
    texts = {
        "title": content.title,
        "awarding_body": content.awarding_body,
        "eqf": content.eqf,
        "workload": content.workload,
        "facts": content.facts,
        "monogram": content.monogram,
        "alt": content.alt,
    }
    flags = {name for name in ("eqf", "workload", "facts") if texts[name]}
    flags.add("logo" if logo else "no-logo")
    return SlotValues(
        texts=texts,
        palette=palette(style.primary, style.secondary),
        images={"logo": logo},
        flags=frozenset(flags),
    )


def render_badge_tree(
    microcredential: MicroCredentialRecord,
    *,
    style: BadgeStyle,
    logo_png: bytes | None = None,
    language: str | None = None,
) -> ET.Element:
    """The filled, checked element tree of a badge (the credential page nests it)."""
    values = badge_slot_values(microcredential, style, logo_png, language)
    return fill_template(template_tree(get_template(style.template)), values)


def render_badge_svg(
    microcredential: MicroCredentialRecord,
    *,
    style: BadgeStyle,
    logo_png: bytes | None = None,
    language: str | None = None,
) -> str:
    """A 600x600 SVG badge for ``microcredential``; text is escaped and the result is self-contained."""
    return serialise(render_badge_tree(microcredential, style=style, logo_png=logo_png, language=language))


def render_badge_png(svg: str, *, size: int = 600) -> bytes:
    """A ``size`` x ``size`` PNG of a badge SVG; sizes 300, 600 and 1200 only; unsafe SVG is refused."""
    if type(size) is not int or size not in ALLOWED_SIZES:
        raise InvalidSize(f"size must be one of {ALLOWED_SIZES}, got {size!r}")
    check_svg(svg)
    return rasterise(svg, width=size, height=size)

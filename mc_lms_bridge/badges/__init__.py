"""Badge images (SVG and PNG) and the certificate page image, rendered safely from SVG templates."""

from .errors import (
    BadgeError,
    ExternalResourceRefused,
    InvalidColour,
    InvalidLogo,
    InvalidSize,
    TemplateSlotError,
    UnknownTemplate,
    UnsafeTemplate,
)
from .page import render_credential_page_png, render_credential_page_svg
from .render import ALLOWED_SIZES, BadgeStyle, render_badge_png, render_badge_svg
from .templates import TEMPLATE_NAMES
from .text import wrap_title

__all__ = [
    "ALLOWED_SIZES",
    "TEMPLATE_NAMES",
    "BadgeError",
    "BadgeStyle",
    "ExternalResourceRefused",
    "InvalidColour",
    "InvalidLogo",
    "InvalidSize",
    "TemplateSlotError",
    "UnknownTemplate",
    "UnsafeTemplate",
    "render_badge_png",
    "render_badge_svg",
    "render_credential_page_png",
    "render_credential_page_svg",
    "wrap_title",
]

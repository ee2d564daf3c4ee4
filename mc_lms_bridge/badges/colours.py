"""Strict ``#rrggbb`` colour validation and the derived palette a template paints with."""

from __future__ import annotations

import re

from .errors import InvalidColour

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
INK = "#1a1a1a"
WHITE = "#ffffff"


def validate_colour(value: object) -> str:
    """Return ``value`` lower-cased if it is exactly ``#rrggbb``; raise :class:`InvalidColour` otherwise."""
    if not isinstance(value, str) or not _HEX.fullmatch(value):
        raise InvalidColour(f"colour must be written #rrggbb, got {value!r}")
    return value.lower()


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = validate_colour(colour)
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def mix(colour: str, other: str, amount: float) -> str:
    """Blend ``amount`` (0..1) of ``other`` into ``colour``."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours (1..21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(background: str) -> str:
    """White or near-black, whichever reads better on ``background``."""
    return WHITE if contrast_ratio(background, WHITE) >= contrast_ratio(background, INK) else INK


def palette(primary: str, secondary: str) -> dict[str, str]:
    """Every colour role a template may name in ``data-fill``/``data-stroke``/``data-stop-color``."""
    primary, secondary = validate_colour(primary), validate_colour(secondary)
    return {
        "primary": primary,
        "primary-dark": mix(primary, "#000000", 0.35),
        "primary-light": mix(primary, WHITE, 0.9),
        "secondary": secondary,
        "secondary-dark": mix(secondary, "#000000", 0.25),
        "on-primary": text_colour_on(primary),
        "on-secondary": text_colour_on(secondary),
        "ink": INK,
        "muted": "#5f6368",
        "paper": "#fbfaf7",
    }

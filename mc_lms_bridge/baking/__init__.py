"""Baked badges: Open Badges 3.0 credentials carried inside PNG and SVG badge images (OB 2.0 read too)."""

from .errors import (
    BakedCredentialTooLarge,
    BakingError,
    DuplicateBakedCredential,
    InvalidCredential,
    MalformedChunk,
    NoBakedCredential,
    NotAnSvg,
    NotAPng,
    UnsafeSvg,
)
from .payload import BakedPayload
from .png import bake_png, unbake_png
from .svg import bake_svg, unbake_svg

__all__ = [
    "BakedCredentialTooLarge",
    "BakedPayload",
    "BakingError",
    "DuplicateBakedCredential",
    "InvalidCredential",
    "MalformedChunk",
    "NoBakedCredential",
    "NotAPng",
    "NotAnSvg",
    "UnsafeSvg",
    "bake_png",
    "bake_svg",
    "unbake_png",
    "unbake_svg",
]

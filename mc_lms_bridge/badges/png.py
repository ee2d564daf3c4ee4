"""Rasterise a checked SVG to PNG with cairosvg, refusing every resource that is not an embedded PNG."""

from __future__ import annotations

import base64
import binascii

from defusedxml import ElementTree as SafeET

from .errors import ExternalResourceRefused, UnsafeTemplate
from .safety import PNG_DATA_URI, svg_problems

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def offline_url_fetcher(url: str, resource_type: str) -> bytes:
    """cairosvg ``url_fetcher`` that decodes embedded PNG data URIs and raises for anything else."""
    if url.startswith(PNG_DATA_URI):
        try:
            return base64.b64decode(url[len(PNG_DATA_URI) :], validate=True)
        except binascii.Error:
            raise ExternalResourceRefused("malformed embedded PNG data URI")
    raise ExternalResourceRefused(f"refusing to fetch {url[:80]!r} ({resource_type}) while rendering a badge")


def check_svg(svg: str) -> None:
    """Raise :class:`UnsafeTemplate` unless ``svg`` parses (no DTD/entities) and passes the safety allow-list."""
    try:
        root = SafeET.fromstring(svg)
    except Exception as exc:  # noqa: BLE001 - defusedxml raises several unrelated types
        raise UnsafeTemplate(f"SVG is not acceptable XML: {exc}")
    problems = svg_problems(root)
    if problems:
        raise UnsafeTemplate("; ".join(problems))


def rasterise(svg: str, *, width: int, height: int) -> bytes:
    """PNG bytes of ``svg`` at ``width`` x ``height`` pixels; no file or network access is possible."""
    # Imported lazily: needs the cairo C library, only when PNGs are wanted. ``svg2png`` does not forward
    # ``url_fetcher``; ``PNGSurface.convert`` passes it to the parser, which uses it for every reference.
    from cairosvg.surface import PNGSurface

    return PNGSurface.convert(
        bytestring=svg.encode("utf-8"),
        output_width=width,
        output_height=height,
        url_fetcher=offline_url_fetcher,
        unsafe=False,
    )


def png_dimensions(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; ValueError when ``png`` is not a PNG."""
    if len(png) < 24 or not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")

"""QR code of a page URL as a self-contained SVG, generated locally (segno, pure Python)."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> bytes:
    """An SVG QR code (error correction M, dark modules in near-black) that scales to its container."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=2, dark="#0b1f3a", light="#ffffff", xmldecl=False,
        svgns=True, title=None, desc=None, svgclass=None, lineclass=None, omitsize=True)
    return buffer.getvalue()

"""Fast certificate pages for issuance: the learner-independent page is rasterised once, names are drawn on top.

Rendering the whole 1200x850 page per credential costs ~170 ms (cairosvg text layout + PNG encoding). Everything
but the learner's name and the award date is the same for every learner of a micro-credential version, so that
background is rasterised once (cached by the SVG text itself) and each page only rasterises the two personal text
slots over it. Only the band of rows those texts touch is composited and compressed; the PNG reuses the background's
compressed rows above and below it (``png_bands``). The result is the same drawing as ``render_credential_page_png``.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from datetime import date

from ..formats.record import MicroCredentialRecord
from .page import _nest_badge, page_slot_values
from .png import check_svg, offline_url_fetcher
from .png_bands import BandedPngEncoder, aligned_band
from .render import BadgeStyle, render_badge_tree
from .slots import fill_template, serialise
from .templates import PAGE_TEMPLATE, template_tree

PERSONAL_SLOTS = ("learner_name", "awarded_on")
KEEP_IN_OVERLAY = ("defs", "style")
CACHE_SIZE = 64

_backgrounds: OrderedDict[str, object] = OrderedDict()
_lock = threading.Lock()


def _surface(svg: str):
    """A cairo ImageSurface with the SVG drawn (no file or network access)."""
    from cairosvg.parser import Tree
    from cairosvg.surface import PNGSurface

    check_svg(svg)
    tree = Tree(bytestring=svg.encode("utf-8"), url_fetcher=offline_url_fetcher, unsafe=False)
    return PNGSurface(tree, None, 96, output_width=PAGE_TEMPLATE.width, output_height=PAGE_TEMPLATE.height).cairo


def _background_svg(microcredential, style, language) -> str:
    page = template_tree(PAGE_TEMPLATE)
    _nest_badge(page, render_badge_tree(microcredential, style=style, language=language))
    for element in list(page):
        if element.get("data-slot") in PERSONAL_SLOTS:
            page.remove(element)
    values = page_slot_values(microcredential, "x", date(2000, 1, 1), style, language)
    return serialise(fill_template(page, values))


def _overlay_svg(microcredential, learner_name, awarded_on, style, language) -> str:
    page = template_tree(PAGE_TEMPLATE)
    for element in list(page):
        local = element.tag.rsplit("}", 1)[-1]
        if element.get("data-slot") not in PERSONAL_SLOTS and local not in KEEP_IN_OVERLAY:
            page.remove(element)
    values = page_slot_values(microcredential, learner_name, awarded_on, style, language)
    return serialise(fill_template(page, values))


def _rgb(surface, height: int) -> bytes:
    """Packed RGB bytes of a cairo ARGB32 surface (alpha dropped, as the PNG has none)."""
    from PIL import Image

    surface.flush()
    return Image.frombuffer("RGBA", (PAGE_TEMPLATE.width, height), bytes(surface.get_data()), "raw", "BGRA",
                            surface.get_stride(), 1).convert("RGB").tobytes()


def _cached_background(svg: str):
    """(surface, PNG encoder) of a background, made once per SVG text."""
    key = hashlib.sha256(svg.encode("utf-8")).hexdigest()
    with _lock:
        if key in _backgrounds:
            _backgrounds.move_to_end(key)
            return _backgrounds[key]
    surface = _surface(svg)
    encoder = BandedPngEncoder(_rgb(surface, PAGE_TEMPLATE.height), PAGE_TEMPLATE.width, PAGE_TEMPLATE.height)
    with _lock:
        _backgrounds[key] = surface, encoder
        while len(_backgrounds) > CACHE_SIZE:
            _backgrounds.popitem(last=False)
    return surface, encoder


_svg_by_record: OrderedDict[str, str] = OrderedDict()


def _background_for(microcredential, style, language):
    """Background surface; the record's repr (every field) keys the generated SVG, the SVG keys the surface."""
    key = f"{microcredential!r}|{style!r}|{language}"
    with _lock:
        svg = _svg_by_record.get(key)
    if svg is None:
        svg = _background_svg(microcredential, style, language)
        with _lock:
            _svg_by_record[key] = svg
            while len(_svg_by_record) > CACHE_SIZE:
                _svg_by_record.popitem(last=False)
    return _cached_background(svg)


def inked_rows(surface, height: int) -> tuple[int, int] | None:
    """First and last row of a transparent overlay that anything was drawn on (None when nothing was)."""
    from PIL import Image

    surface.flush()
    overlay = Image.frombuffer("RGBA", (PAGE_TEMPLATE.width, height), surface.get_data(), "raw", "BGRA",
                               surface.get_stride(), 1)
    box = overlay.getbbox()  # scans in C for any non-transparent pixel
    return (box[1], box[3] - 1) if box else None


def credential_page_png_fast(
    microcredential: MicroCredentialRecord, learner_name: str, awarded_on: date, *, style: BadgeStyle,
    language: str | None = None,
) -> bytes:
    """PNG of the certificate page, drawn from the cached background plus the learner's name and date."""
    import cairocffi

    background, encoder = _background_for(microcredential, style, language)
    overlay = _surface(_overlay_svg(microcredential, learner_name, awarded_on, style, language))
    inked = inked_rows(overlay, PAGE_TEMPLATE.height)
    if inked is None:
        return encoder.encode(0, b"")
    start, end = aligned_band(*inked, PAGE_TEMPLATE.height)
    band = cairocffi.ImageSurface(cairocffi.FORMAT_ARGB32, PAGE_TEMPLATE.width, end - start)
    context = cairocffi.Context(band)
    with _lock:
        context.set_source_surface(background, 0, -start)
        context.paint()
    context.set_source_surface(overlay, 0, -start)
    context.paint()
    return encoder.encode(start, _rgb(band, end - start))

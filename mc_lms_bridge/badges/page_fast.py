"""Fast certificate pages for issuance: the learner-independent page is rasterised once, names are drawn on top.

Rendering the whole 1200x850 page per credential costs ~170 ms (cairosvg text layout + PNG encoding). Everything
but the learner's name and the award date is the same for every learner of a micro-credential version, so that
background is rasterised once (cached by the SVG text itself) and each page only rasterises the two personal text
slots over a copy of it. The result is the same drawing as ``render_credential_page_png``.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from datetime import date

from ..formats.record import MicroCredentialRecord
from .page import _nest_badge, page_slot_values
from .png import check_svg, offline_url_fetcher
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


def _cached_background(svg: str):
    key = hashlib.sha256(svg.encode("utf-8")).hexdigest()
    with _lock:
        if key in _backgrounds:
            _backgrounds.move_to_end(key)
            return _backgrounds[key]
    surface = _surface(svg)
    with _lock:
        _backgrounds[key] = surface
        while len(_backgrounds) > CACHE_SIZE:
            _backgrounds.popitem(last=False)
    return surface


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


def credential_page_png_fast(
    microcredential: MicroCredentialRecord, learner_name: str, awarded_on: date, *, style: BadgeStyle,
    language: str | None = None,
) -> bytes:
    """PNG of the certificate page, drawn from the cached background plus the learner's name and date."""
    import cairocffi
    from PIL import Image

    background = _background_for(microcredential, style, language)
    overlay = _surface(_overlay_svg(microcredential, learner_name, awarded_on, style, language))
    width, height = PAGE_TEMPLATE.width, PAGE_TEMPLATE.height
    page = cairocffi.ImageSurface(cairocffi.FORMAT_ARGB32, width, height)
    context = cairocffi.Context(page)
    with _lock:
        context.set_source_surface(background)
        context.paint()
    context.set_source_surface(overlay)
    context.paint()
    page.flush()
    image = Image.frombuffer("RGBA", (width, height), bytes(page.get_data()), "raw", "BGRA", page.get_stride(), 1)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", compress_level=1)
    return out.getvalue()

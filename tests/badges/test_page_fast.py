"""The fast certificate page (cached background + personal overlay) matches the full render.

Compositing two anti-aliased layers can change the rounding of a handful of edge pixels where the personal texts
touch other drawing; anything beyond that is a real difference.
"""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageChops

from mc_lms_bridge.badges import BadgeStyle, render_credential_page_png
from mc_lms_bridge.badges.page_fast import credential_page_png_fast
from tests.formats.sample_records import sample_microcredential


def pixels(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_fast_page_equals_full_render_for_several_learners():
    mc = sample_microcredential()
    for name, day in (("Ana Andromeda", date(2026, 11, 28)), ("Zoë <b>&amp; Ðorđević", date(2025, 1, 2))):
        full = pixels(render_credential_page_png(mc, name, day, style=BadgeStyle()))
        fast = pixels(credential_page_png_fast(mc, name, day, style=BadgeStyle()))
        assert full.size == fast.size == (1200, 850)
        difference = ImageChops.difference(full, fast).convert("L")
        changed = sum(1 for value in difference.get_flattened_data() if value > 0)
        assert changed <= 20, changed


def test_different_learners_give_different_pages():
    mc = sample_microcredential()
    a = pixels(credential_page_png_fast(mc, "Ana", date(2026, 1, 1), style=BadgeStyle()))
    b = pixels(credential_page_png_fast(mc, "Bob", date(2026, 1, 1), style=BadgeStyle()))
    assert ImageChops.difference(a, b).getbbox() is not None


def test_inked_rows_finds_exactly_the_drawn_rows():
    import cairocffi

    from mc_lms_bridge.badges.page_fast import inked_rows

    surface = cairocffi.ImageSurface(cairocffi.FORMAT_ARGB32, 1200, 850)
    assert inked_rows(surface, 850) is None
    context = cairocffi.Context(surface)
    context.rectangle(10, 300, 5, 41)  # rows 300..340
    context.set_source_rgba(0, 0, 0, 0.5)
    context.fill()
    assert inked_rows(surface, 850) == (300, 340)

"""PNG rasterisation: real PNGs of the allowed sizes, colours drawn, and no resource fetched."""

from __future__ import annotations

import io
import socket

import pytest
from PIL import Image

from mc_lms_bridge.badges import (
    ALLOWED_SIZES,
    TEMPLATE_NAMES,
    BadgeStyle,
    ExternalResourceRefused,
    InvalidSize,
    UnsafeTemplate,
    render_badge_png,
    render_badge_svg,
)
from mc_lms_bridge.badges.png import offline_url_fetcher, rasterise
from tests.formats.sample_records import sample_microcredential

from .helpers import ihdr_size, tiny_png


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("badge rendering tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
@pytest.mark.parametrize("size", ALLOWED_SIZES)
def test_each_template_rasterises_at_each_size(template, size, no_network):
    svg = render_badge_svg(sample_microcredential(), style=BadgeStyle(template=template), logo_png=tiny_png())
    png = render_badge_png(svg, size=size)
    assert ihdr_size(png) == (size, size)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (size, size)


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_png_shows_the_chosen_colours(template):
    style = BadgeStyle(template=template, primary="#003399", secondary="#ffcc00")
    png = render_badge_png(render_badge_svg(sample_microcredential(), style=style), size=300)
    with Image.open(io.BytesIO(png)) as image:
        colours = {rgb for _, rgb in image.convert("RGB").getcolors(maxcolors=300 * 300)}
    assert (0xFF, 0xCC, 0x00) in colours
    assert len(colours) > 50  # text, gradients and anti-aliasing, not a blank square


def test_logo_pixels_are_drawn():
    svg = render_badge_svg(sample_microcredential(), style=BadgeStyle("circle"), logo_png=tiny_png(rgb=(200, 30, 40)))
    with Image.open(io.BytesIO(render_badge_png(svg, size=600))) as image:
        assert image.convert("RGB").getpixel((300, 117)) == (200, 30, 40)


@pytest.mark.parametrize("size", [0, 1, 299, 301, 512, 1024, 2400, -600, 600.0, "600", True, None])
def test_invalid_sizes_raise(size):
    svg = render_badge_svg(sample_microcredential(), style=BadgeStyle())
    with pytest.raises(InvalidSize):
        render_badge_png(svg, size=size)


@pytest.mark.parametrize(
    "reference",
    ["https://evil.example/logo.png", "http://127.0.0.1:9/x.png", "file:///etc/hostname", "logo.png"],
)
def test_rasteriser_refuses_external_resources_even_unchecked(reference, no_network):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600">'
        f'<image href="{reference}" x="0" y="0" width="100" height="100"/></svg>'
    )
    with pytest.raises(UnsafeTemplate):
        render_badge_png(svg, size=300)
    with pytest.raises(ExternalResourceRefused):
        rasterise(svg, width=300, height=300)


def test_fetcher_only_decodes_embedded_pngs():
    logo = tiny_png()
    import base64

    assert offline_url_fetcher("data:image/png;base64," + base64.b64encode(logo).decode(), "image/*") == logo
    for url in ("https://example.org/a.png", "data:image/svg+xml;base64,PHN2Zy8+", "data:text/css,x"):
        with pytest.raises(ExternalResourceRefused):
            offline_url_fetcher(url, "image/*")


def test_render_badge_png_refuses_entities():
    svg = (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600"><text>&x;</text></svg>'
    )
    with pytest.raises(UnsafeTemplate):
        render_badge_png(svg, size=300)

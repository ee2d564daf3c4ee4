"""The template registry and the safety checks applied to every template."""

from __future__ import annotations

import re

import pytest

from mc_lms_bridge.badges import TEMPLATE_NAMES, BadgeStyle, UnknownTemplate, UnsafeTemplate
from mc_lms_bridge.badges.templates import BADGE_TEMPLATES, PAGE_TEMPLATE, get_template, load_template

ALL_TEMPLATES = [*BADGE_TEMPLATES.values(), PAGE_TEMPLATE]
GOOD_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600">'


def test_at_least_three_designs_are_registered():
    assert len(TEMPLATE_NAMES) >= 3
    assert {"ribbon", "shield", "circle"} <= set(TEMPLATE_NAMES)
    assert all(BADGE_TEMPLATES[name].description for name in TEMPLATE_NAMES)


@pytest.mark.parametrize("template", ALL_TEMPLATES, ids=lambda t: t.name)
def test_shipped_templates_load_and_are_self_contained(template):
    source = template.path.read_text(encoding="utf-8")
    root = load_template(template.path, width=template.width, height=template.height)
    assert root.get("viewBox") == f"0 0 {template.width} {template.height}"
    assert not re.search(r"href\s*=\s*[\"']\s*(https?:|//|file:)", source, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?(https?:|//|file:)", source, re.IGNORECASE)
    assert "<script" not in source.lower() and "@import" not in source.lower()
    assert 'font-family="DejaVu Sans, sans-serif"' in source
    assert re.search(r'data-slot="title"', source)


@pytest.mark.parametrize("name", ["", "Ribbon", "../ribbon", "ribbon.svg", "credential-page", None])
def test_unknown_template_raises(name):
    with pytest.raises(UnknownTemplate):
        get_template(name)
    with pytest.raises(UnknownTemplate):
        BadgeStyle(template=name)


@pytest.mark.parametrize(
    "body",
    [
        '<image href="https://evil.example/logo.png" width="10" height="10"/>',
        '<image xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="http://evil.example/x.png"/>',
        '<image href="file:///etc/passwd"/>',
        '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>',
        '<use href="other.svg#a"/>',
        "<script>alert(1)</script>",
        '<rect width="5" height="5" onload="alert(1)"/>',
        '<rect width="5" height="5" fill="url(https://evil.example/p.svg#x)"/>',
        '<rect width="5" height="5" style="fill:url(//evil.example/x)"/>',
        "<style>@import url(https://evil.example/x.css);</style>",
        '<foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>',
        '<a href="javascript:alert(1)"><rect width="5" height="5"/></a>',
        '<set attributeName="href" to="javascript:alert(1)"/>',
        '<g xml:base="https://evil.example/"><rect width="5" height="5"/></g>',
    ],
)
def test_unsafe_templates_are_refused(tmp_path, body):
    path = tmp_path / "evil.svg"
    path.write_text(GOOD_HEAD + body + "</svg>", encoding="utf-8")
    with pytest.raises(UnsafeTemplate):
        load_template(path)


def test_entities_and_wrong_viewbox_are_refused(tmp_path):
    path = tmp_path / "xxe.svg"
    path.write_text(
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + GOOD_HEAD + "<text>&x;</text></svg>"
    )
    with pytest.raises(UnsafeTemplate):
        load_template(path)
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    with pytest.raises(UnsafeTemplate):
        load_template(path)


def test_a_safe_test_template_loads(tmp_path):
    path = tmp_path / "ok.svg"
    path.write_text(GOOD_HEAD + '<rect width="5" height="5" fill="url(#g)"/><use href="#g"/></svg>')
    assert load_template(path).tag.endswith("svg")

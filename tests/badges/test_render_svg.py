"""Badge SVG rendering: content, options and escaping of every value."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mc_lms_bridge.badges import TEMPLATE_NAMES, BadgeStyle, InvalidLogo, render_badge_svg
from mc_lms_bridge.formats.record import lang_text
from tests.formats.sample_records import sample_issuer, sample_microcredential

from .helpers import SVG, all_text, attributes, parse, slot_text, tiny_png


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_each_template_renders_the_sample(template):
    svg = render_badge_svg(sample_microcredential(), style=BadgeStyle(template=template))
    root = parse(svg)
    text = all_text(root)
    assert root.get("viewBox") == "0 0 600 600"
    assert "Data Literacy" in slot_text(root, "Data") and "Professionals" in slot_text(root, "Data")
    assert "University of Example" in text
    assert "EQF 6 \u00b7 5 ECTS" in text
    assert "MICRO-CREDENTIAL" in text
    assert root.find(f"{SVG}title").text.startswith("Data Literacy for Professionals")
    assert not [name for _, name, _ in attributes(root) if name.startswith("data-")]
    fills = {value for _, name, value in attributes(root) if name in ("fill", "stop-color")}
    assert "#1f4e79" in fills and "#f2c14e" in fills


def test_colours_are_applied():
    svg = render_badge_svg(sample_microcredential(), style=BadgeStyle("circle", "#003399", "#ffcc00"))
    fills = {value for _, name, value in attributes(parse(svg)) if name == "fill"}
    assert {"#003399", "#ffcc00"} <= fills
    assert "#1f4e79" not in svg


def test_hours_are_shown_when_there_are_no_ects():
    record = sample_microcredential(ects_credits=None, workload_hours=30)
    assert "EQF 6 \u00b7 30 hours" in all_text(parse(render_badge_svg(record, style=BadgeStyle())))


def test_decimal_ects_are_shown_plainly():
    record = sample_microcredential(ects_credits=Decimal("2.50"))
    assert "2.5 ECTS" in all_text(parse(render_badge_svg(record, style=BadgeStyle())))


def test_facts_banner_disappears_without_eqf_and_workload():
    record = sample_microcredential(ects_credits=None, workload_hours=None, eqf_level=None)
    for template in TEMPLATE_NAMES:
        text = all_text(parse(render_badge_svg(record, style=BadgeStyle(template))))
        assert "EQF" not in text and "ECTS" not in text and "hours" not in text


def test_language_is_honoured():
    text = all_text(parse(render_badge_svg(sample_microcredential(), style=BadgeStyle(), language="fr")))
    assert "Littératie" in text and "Université d'Exemple" in text


def test_logo_is_embedded_as_data_uri_and_replaces_monogram():
    logo = tiny_png()
    root = parse(render_badge_svg(sample_microcredential(), style=BadgeStyle(), logo_png=logo))
    images = list(root.iter(f"{SVG}image"))
    assert len(images) == 1
    assert images[0].get("href").startswith("data:image/png;base64,iVBORw0KGgo")
    assert "UE" not in all_text(root).split()


def test_without_logo_the_monogram_is_shown():
    root = parse(render_badge_svg(sample_microcredential(), style=BadgeStyle()))
    assert not list(root.iter(f"{SVG}image"))
    assert "UE" in all_text(root).split()


@pytest.mark.parametrize("logo", [b"GIF89a....", b"<svg/>", b"\x89PNG\r\n\x1a\n", "not bytes", b"\x89PNG" * 400000])
def test_invalid_logo_raises(logo):
    with pytest.raises(InvalidLogo):
        render_badge_svg(sample_microcredential(), style=BadgeStyle(), logo_png=logo)


def test_long_titles_shrink_and_stay_within_three_lines():
    long_title = "Advanced Data Literacy, Visualisation and Storytelling for Public Sector Professionals in Europe"
    short_root = parse(render_badge_svg(sample_microcredential(), style=BadgeStyle()))
    record = sample_microcredential(title=lang_text({"en": long_title}))
    root = parse(render_badge_svg(record, style=BadgeStyle()))
    title = next(e for e in root.iter(f"{SVG}text") if "Advanced" in "".join(e.itertext()))
    short = next(e for e in short_root.iter(f"{SVG}text") if "Data" in "".join(e.itertext()))
    assert 1 <= len(title.findall(f"{SVG}tspan")) <= 3
    assert float(title.get("font-size")) < float(short.get("font-size"))


DANGEROUS = [
    "</text><script>alert(1)</script>", "<script>", "&", "&amp;", "\"", "'", "<", ">", "]]>", "<!--",
    '" onload="alert(1)', "<svg onload=alert(1)>", "Ελληνικά", "Български", "🎓", "😀", "x",
]
titles = st.lists(st.sampled_from(DANGEROUS) | st.text(min_size=1, max_size=8), min_size=1, max_size=4).map(
    " ".join
)


def _xml_legal(text):
    return "".join(c for c in text if (ord(c) >= 0x20 or c in "\t\n\r") and c not in "\ufffe\uffff")


def _assert_safe(root):
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1].lower() in ("script", "foreignobject")]
    assert not [n for _, n, _ in attributes(root) if n.lower().startswith("on")]
    for _, name, value in attributes(root):
        if name.endswith("href"):
            assert value.startswith(("#", "data:image/png;base64,"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=titles, body=titles, template=st.sampled_from(TEMPLATE_NAMES))
def test_hostile_titles_and_names_are_escaped(title, body, template):
    record = sample_microcredential(
        title=lang_text({"en": title}),
        issuer=sample_issuer(legal_name=lang_text({"en": body})),
    )
    root = parse(render_badge_svg(record, style=BadgeStyle(template)))
    _assert_safe(root)
    alt = root.find(f"{SVG}title").text
    for piece in _xml_legal(title).split() + _xml_legal(body).split():
        assert piece in alt
    assert sum(1 for _ in root.iter(f"{SVG}svg")) == 1


def test_script_title_appears_as_text():
    record = sample_microcredential(title=lang_text({"en": "A </text><script>alert(1)</script> & \"B\" 'C'"}))
    svg = render_badge_svg(record, style=BadgeStyle(template="shield"))
    root = parse(svg)
    _assert_safe(root)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    joined = slot_text(root, "alert")
    for piece in ("</text><script>alert(1)</script>", "&", '"B"', "'C'"):
        assert piece in joined.replace(" ", "") or piece in joined


def test_control_characters_are_dropped_not_emitted():
    record = replace(sample_microcredential(), title=lang_text({"en": "Data\x00 Lit\x1beracy\ufffe"}))
    root = parse(render_badge_svg(record, style=BadgeStyle()))
    assert root.find(f"{SVG}title").text.startswith("Data Literacy")

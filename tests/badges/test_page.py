"""The landscape certificate page used as the Europass EDC display image."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest
from PIL import Image

from mc_lms_bridge.badges import BadgeStyle, render_credential_page_png, render_credential_page_svg
from mc_lms_bridge.formats.record import LearningOutcomeRecord, lang_text
from tests.formats.sample_records import sample_learner, sample_microcredential, sample_outcomes

from .helpers import SVG, all_text, attributes, ihdr_size, parse

AWARDED = date(2025, 6, 30)


def _page(record=None, name=None, **kwargs):
    record = record or sample_microcredential()
    svg = render_credential_page_svg(record, name or sample_learner().full_name, AWARDED, style=BadgeStyle(), **kwargs)
    return parse(svg)


def _squashed(root):
    return "".join(all_text(root).split())


def test_page_shows_the_award():
    root = _page()
    text = all_text(root)
    assert root.get("viewBox") == "0 0 1200 850"
    for expected in ("Amélie Dupont", "University of Example", "30 June 2025", "EQF 6", "5 ECTS", "Learning outcomes"):
        assert expected in text
    assert "DataLiteracyforProfessionals" in _squashed(root)


def test_page_lists_the_first_five_outcomes_and_counts_the_rest():
    extra = tuple(LearningOutcomeRecord(text=lang_text({"en": f"Extra outcome number {i}."})) for i in (6, 7))
    root = _page(sample_microcredential(learning_outcomes=sample_outcomes() + extra))
    squashed = _squashed(root)
    for outcome in sample_outcomes():
        assert "".join(outcome.text["en"].split()) in squashed
    assert "Extraoutcome" not in squashed
    assert "and 2 more learning outcomes" in all_text(root)


def test_page_without_outcomes_hides_the_heading():
    assert "Learning outcomes" not in all_text(_page(sample_microcredential(learning_outcomes=())))


def test_page_nests_the_badge_with_unique_ids():
    root = _page()
    assert sum(1 for _ in root.iter(f"{SVG}svg")) == 2
    ids = Counter(e.get("id") for e in root.iter() if e.get("id"))
    assert ids and all(count == 1 for count in ids.values())
    referenced = {v[5:-1] for _, n, v in attributes(root) if v.startswith("url(#")}
    assert referenced <= set(ids)


def test_page_language():
    assert "Littératiedesdonnées" in _squashed(_page(language="fr"))


@pytest.mark.parametrize("name", ['</text><script>alert(1)</script>', '" onload="x', "Ζωή & Мария 🎓"])
def test_learner_name_is_escaped(name):
    root = _page(name=name)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert not [n for _, n, _ in attributes(root) if n.startswith("on")]
    assert "".join(name.split()) in _squashed(root)


def test_page_png_is_landscape_1200_by_850():
    png = render_credential_page_png(sample_microcredential(), "Amélie Dupont", AWARDED, style=BadgeStyle("shield"))
    assert ihdr_size(png) == (1200, 850)
    with Image.open(io.BytesIO(png)) as image:
        assert len(image.convert("RGB").getcolors(maxcolors=1200 * 850)) > 100

"""Strict colour validation and the derived palette."""

from __future__ import annotations

import pytest

from mc_lms_bridge.badges import BadgeStyle, InvalidColour
from mc_lms_bridge.badges.colours import contrast_ratio, mix, palette, text_colour_on, validate_colour


@pytest.mark.parametrize("value", ["#1f4e79", "#1F4E79", "#000000", "#ffffff"])
def test_valid_colours(value):
    assert validate_colour(value) == value.lower()


@pytest.mark.parametrize(
    "value",
    [
        "#fff", "1f4e79", "#1f4e7g", "#1f4e79\n", " #1f4e79", "#1f4e79ff", "red", "rgb(1,2,3)", "",
        "url(#x)", '#1f4e79" onload="alert(1)', "#１２３４５６", None, 0x1F4E79, b"#1f4e79",
    ],
)
def test_invalid_colours_raise(value):
    with pytest.raises(InvalidColour):
        validate_colour(value)
    with pytest.raises(InvalidColour):
        BadgeStyle(primary=value)
    with pytest.raises(InvalidColour):
        BadgeStyle(secondary=value)


def test_mix_and_contrast():
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert text_colour_on("#1f4e79") == "#ffffff"
    assert text_colour_on("#f2c14e") == "#1a1a1a"


def test_palette_text_roles_are_readable():
    for primary, secondary in [("#1f4e79", "#f2c14e"), ("#fafafa", "#003399"), ("#777777", "#ffcc00")]:
        colours = palette(primary, secondary)
        assert contrast_ratio(colours["primary"], colours["on-primary"]) >= 4.0
        assert contrast_ratio(colours["secondary"], colours["on-secondary"]) >= 4.0

"""Wrapping, fitting, cleaning and language choice of badge texts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mc_lms_bridge.badges.text import ELLIPSIS, clean_text, fit_text, pick_text, wrap_title

words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzÄéΩЖ&<>", min_size=1, max_size=14), max_size=12)


def test_wrap_title_keeps_short_titles_on_one_line():
    assert wrap_title("Data Literacy", 20, 3) == ["Data Literacy"]


def test_wrap_title_breaks_at_spaces():
    assert wrap_title("Data Literacy for Professionals", 14, 3) == ["Data Literacy", "for", "Professionals"]


def test_wrap_title_truncates_with_ellipsis():
    lines = wrap_title("one two three four five six seven", 9, 2)
    assert lines == ["one two", "three" + ELLIPSIS]


def test_wrap_title_ellipsis_never_overflows_a_full_line():
    lines = wrap_title("abcdefgh abcdefgh abcdefgh", 8, 2)
    assert lines == ["abcdefgh", "abcdefg" + ELLIPSIS]


def test_wrap_title_cuts_words_longer_than_a_line():
    assert wrap_title("Donaudampfschifffahrt", 8, 3) == ["Donaudam", "pfschiff", "fahrt"]


def test_wrap_title_rejects_impossible_limits():
    with pytest.raises(ValueError):
        wrap_title("x", 0, 1)
    with pytest.raises(ValueError):
        wrap_title("x", 5, 0)


@given(words, st.integers(1, 30), st.integers(1, 4))
def test_wrap_title_respects_limits_and_keeps_text(word_list, width, max_lines):
    title = " ".join(word_list)
    lines = wrap_title(title, width, max_lines)
    assert len(lines) <= max_lines
    assert all(0 < len(line) <= width for line in lines)
    flat = "".join(title.split())
    if lines and lines[-1].endswith(ELLIPSIS):
        assert flat.startswith("".join("".join(lines).split()).removesuffix(ELLIPSIS))
    else:
        assert "".join("".join(lines).split()) == flat


def test_fit_text_shrinks_long_titles():
    short = fit_text("Data Literacy", box_width=330, max_lines=3, font_max=40, font_min=22)
    long = fit_text(
        "Data Literacy and Visualisation for Professionals",
        box_width=330, max_lines=3, font_max=40, font_min=22,
    )
    assert short.font_size == 40
    assert 22 <= long.font_size < 40
    assert len(long.lines) <= 3 and not long.lines[-1].endswith(ELLIPSIS)


def test_fit_text_truncates_at_minimum_size():
    fitted = fit_text("word " * 100, box_width=200, max_lines=2, font_max=30, font_min=20)
    assert fitted.font_size == 20
    assert len(fitted.lines) == 2 and fitted.lines[-1].endswith(ELLIPSIS)


def test_clean_text_drops_xml_illegal_characters_and_collapses_spaces():
    assert clean_text("a\x00b\x1f c\n\t d\ufffe\ud800") == "ab c d"


def test_pick_text_prefers_language_then_english_then_fallbacks():
    text = {"fr": "Bonjour", "en": "Hello", "bg": "Здравей"}
    assert pick_text(text, "fr") == "Bonjour"
    assert pick_text(text, "de") == "Hello"
    assert pick_text({"bg": "Здравей", "el": "Γεια"}, "de", ("el",)) == "Γεια"
    assert pick_text({"bg": "Здравей"}, None) == "Здравей"
    assert pick_text({}, "en") == ""

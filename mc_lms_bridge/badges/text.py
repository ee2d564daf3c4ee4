"""Pure text helpers for badges: cleaning, language choice, wrapping and font-size fitting."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ELLIPSIS = "\u2026"


def _xml_allowed(char: str) -> bool:
    code = ord(char)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def clean_text(value: str) -> str:
    """Drop characters XML 1.0 cannot carry and collapse every run of whitespace to one space."""
    return " ".join("".join(ch for ch in value if _xml_allowed(ch)).split())


def pick_text(text: Mapping[str, str], language: str | None, fallbacks: Iterable[str] = ()) -> str:
    """The text in ``language``, else English, else the first fallback language present, else any text."""
    for lang in (language, "en", *fallbacks):
        if lang and text.get(lang):
            return text[lang]
    return next((value for value in text.values() if value), "")


def _split_word(word: str, width: int) -> list[str]:
    return [word[i : i + width] for i in range(0, len(word), width)]


def wrap_all(text: str, max_chars_per_line: int) -> list[str]:
    """Greedy word wrap with no line limit; words longer than a line are cut into line-sized pieces."""
    if max_chars_per_line < 1:
        raise ValueError("max_chars_per_line must be at least 1")
    lines: list[str] = []
    current = ""
    for word in clean_text(text).split(" "):
        if not word:
            continue
        if current and len(current) + 1 + len(word) <= max_chars_per_line:
            current = f"{current} {word}"
            continue
        if current:
            lines.append(current)
        *full, current = _split_word(word, max_chars_per_line)
        lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _with_ellipsis(line: str, max_chars_per_line: int) -> str:
    if len(line) + 1 > max_chars_per_line:
        line = line[: max_chars_per_line - 1].rstrip()
    return line + ELLIPSIS


def wrap_title(title: str, max_chars_per_line: int, max_lines: int) -> list[str]:
    """Wrap ``title`` into at most ``max_lines`` lines; the last line ends with an ellipsis when text was cut."""
    if max_lines < 1:
        raise ValueError("max_lines must be at least 1")
    lines = wrap_all(title, max_chars_per_line)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = _with_ellipsis(kept[-1], max_chars_per_line)
    return kept


_NARROW = frozenset("iljI|!.,:;'`")
_SEMI_NARROW = frozenset("frt()[]-")
BOLD_FACTOR = 1.1


def char_em(char: str) -> float:
    """Approximate advance width of ``char`` in DejaVu Sans, in em (no font files are read)."""
    if char == " ":
        return 0.32
    if char in _NARROW:
        return 0.28
    if char in _SEMI_NARROW:
        return 0.41
    if char in "mwMW":
        return 0.92
    if ord(char) >= 0x1100:  # CJK, emoji and other wide glyphs
        return 1.0
    if char.isupper():
        return 0.74
    if char.isdigit():
        return 0.64
    return 0.62


def average_char_width(text: str, *, bold: bool = False) -> float:
    """Mean advance of the characters of ``text`` in em (bold glyphs are about 10% wider)."""
    if not text:
        return 0.6
    return sum(char_em(c) for c in text) / len(text) * (BOLD_FACTOR if bold else 1.0)


@dataclass(frozen=True)
class FittedText:
    """Lines of text and the font size they were fitted at."""

    lines: tuple[str, ...]
    font_size: int


def chars_per_line(box_width: float, font_size: float, char_width: float) -> int:
    """How many average characters fit in ``box_width`` at ``font_size`` (``char_width`` is in em)."""
    return max(1, int(box_width // (font_size * char_width)))


def fit_text(
    text: str, *, box_width: float, max_lines: int, font_max: int, font_min: int, char_width: float = 0.6
) -> FittedText:
    """The largest font size in [font_min, font_max] at which ``text`` wraps into ``max_lines`` uncut lines.

    When even ``font_min`` is too large, the text is wrapped at ``font_min`` and truncated with an ellipsis.
    """
    if font_min > font_max:
        raise ValueError("font_min must not exceed font_max")
    for size in range(font_max, font_min - 1, -1):
        lines = wrap_all(text, chars_per_line(box_width, size, char_width))
        if len(lines) <= max_lines:
            return FittedText(tuple(lines), size)
    width = chars_per_line(box_width, font_min, char_width)
    return FittedText(tuple(wrap_title(text, width, max_lines)), font_min)

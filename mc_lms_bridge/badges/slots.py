"""Fill a template's ``data-*`` slots through the ElementTree API, so every value is escaped on output."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET  # noqa: S405 - building and serialising only; parsing goes through defusedxml
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .errors import TemplateSlotError, UnsafeTemplate
from .safety import SVG_NS, svg_problems
from .text import average_char_width, clean_text, fit_text, wrap_title

TSPAN = f"{{{SVG_NS}}}tspan"
PAINT_ATTRIBUTES = ("fill", "stroke", "stop-color")
# Distance from a line's vertical centre to its baseline, in em, for DejaVu Sans.
BASELINE_SHIFT = 0.36


@dataclass(frozen=True)
class SlotValues:
    """What to put in a template: texts (None removes the element), lists, images, flags and colours."""

    texts: Mapping[str, str | None]
    palette: Mapping[str, str]
    lists: Mapping[str, Sequence[str]] = field(default_factory=dict)
    images: Mapping[str, str | None] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _attr_float(element: ET.Element, name: str, default: float | None = None) -> float:
    raw = element.get(name)
    if raw is None:
        if default is None:
            raise TemplateSlotError(f"slot {element.get('data-slot')!r} needs attribute {name}")
        return default
    return float(raw)


def _char_width(element: ET.Element, text: str) -> float:
    """The template's ``data-char-width`` (em), else an estimate from the text's own characters."""
    if "data-char-width" in element.attrib:
        return float(element.get("data-char-width"))
    return average_char_width(text, bold=element.get("font-weight") in ("bold", "700", "800", "900"))


def _write_lines(element: ET.Element, lines: Sequence[str], font_size: float, line_height: float) -> None:
    """Replace the element's content by one ``tspan`` per line, vertically placed per ``data-valign``."""
    element.text = None
    for child in list(element):
        element.remove(child)
    x, y = element.get("x", "0"), _attr_float(element, "y", 0.0)
    step = font_size * line_height
    if element.get("data-valign") == "middle":
        y = y - (len(lines) - 1) * step / 2 + font_size * BASELINE_SHIFT
    element.set("font-size", _num(font_size))
    for index, line in enumerate(lines):
        tspan = ET.SubElement(element, TSPAN, {"x": x, "y": _num(y + index * step)})
        tspan.text = line


def fill_text(element: ET.Element, value: str) -> None:
    """Fit ``value`` into the slot's box (``data-box-width``, ``data-max-lines``, ``data-font-max/min``)."""
    font_max = int(_attr_float(element, "data-font-max"))
    fitted = fit_text(
        value,
        box_width=_attr_float(element, "data-box-width"),
        max_lines=int(_attr_float(element, "data-max-lines", 1)),
        font_max=font_max,
        font_min=int(_attr_float(element, "data-font-min", font_max)),
        char_width=_char_width(element, value),
    )
    _write_lines(element, fitted.lines, fitted.font_size, _attr_float(element, "data-line-height", 1.2))


def fill_list(element: ET.Element, items: Sequence[str]) -> None:
    """Write bulleted items, each wrapped to ``data-item-lines`` lines, one after the other."""
    font_size = _attr_float(element, "data-font-max")
    per_line = int(_attr_float(element, "data-box-width") // (font_size * _char_width(element, " ".join(items))))
    item_lines = int(_attr_float(element, "data-item-lines", 2))
    lines: list[str] = []
    for item in items:
        wrapped = wrap_title(item, max(1, per_line - 2), item_lines)
        lines.extend(("\u2022 " if i == 0 else "\u2003") + text for i, text in enumerate(wrapped))
    _write_lines(element, lines, font_size, _attr_float(element, "data-line-height", 1.35))


def _parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _remove(root: ET.Element, doomed: list[ET.Element]) -> None:
    parents = _parents(root)
    for element in doomed:
        if element in parents:
            parents[element].remove(element)


def fill_slot(element: ET.Element, slot: str, values: SlotValues) -> bool:
    """Fill one slot; return False when the element must be removed (value absent)."""
    if slot in values.lists:
        items = [clean_text(item) for item in values.lists[slot] if clean_text(item)]
        if not items:
            return False
        fill_list(element, items)
        return True
    if slot in values.images:
        uri = values.images[slot]
        if uri is None:
            return False
        element.set("href", uri)
        return True
    if slot not in values.texts:
        raise TemplateSlotError(f"template uses unknown slot {slot!r}")
    text = clean_text(values.texts[slot] or "")
    if not text:
        return False
    if element.tag.endswith("}text"):
        fill_text(element, text)
    else:
        element.text = text
    return True


def fill_template(root: ET.Element, values: SlotValues) -> ET.Element:
    """Fill every slot, paint every colour role, drop conditional parts and ``data-*`` attributes; check safety."""
    _remove(root, [e for e in root.iter() if e.get("data-if") and e.get("data-if") not in values.flags])
    slotted = [e for e in root.iter() if e.get("data-slot")]
    _remove(root, [e for e in slotted if not fill_slot(e, e.get("data-slot"), values)])
    for element in root.iter():
        for attribute in PAINT_ATTRIBUTES:
            role = element.get(f"data-{attribute}")
            if role is None:
                continue
            if role not in values.palette:
                raise TemplateSlotError(f"template uses unknown colour role {role!r}")
            element.set(attribute, values.palette[role])
        for name in [n for n in element.attrib if n.startswith("data-")]:
            del element.attrib[name]
    problems = svg_problems(root)
    if problems:
        raise UnsafeTemplate("; ".join(problems))
    return root


def serialise(root: ET.Element) -> str:
    """SVG document text with an XML declaration and SVG as the default namespace."""
    plain = copy.deepcopy(root)
    for element in plain.iter():
        element.tag = element.tag.rsplit("}", 1)[-1]  # every tag is SVG: the safety allow-list checked it
    plain.set("xmlns", SVG_NS)
    body = ET.tostring(plain, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"

"""Registry of the shipped SVG badge templates and their safe loading."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - only the Element type; parsing goes through defusedxml
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from defusedxml import ElementTree as SafeET

from .errors import UnknownTemplate, UnsafeTemplate
from .safety import SVG_NS, svg_problems

__all__ = [
    "BADGE_TEMPLATES",
    "PAGE_TEMPLATE",
    "TEMPLATE_NAMES",
    "BadgeTemplate",
    "UnknownTemplate",
    "get_template",
    "load_template",
    "parse_template",
    "template_tree",
]


@dataclass(frozen=True)
class BadgeTemplate:
    """One SVG design shipped in the ``badge_templates`` package."""

    name: str
    filename: str
    description: str
    width: int = 600
    height: int = 600

    @property
    def path(self) -> Path:
        return Path(str(files("badge_templates").joinpath(self.filename)))


BADGE_TEMPLATES: dict[str, BadgeTemplate] = {
    t.name: t
    for t in (
        BadgeTemplate("ribbon", "ribbon.svg", "Medal with a ring, two ribbon tails and a banner for EQF/ECTS."),
        BadgeTemplate("shield", "shield.svg", "Heraldic shield with a chevron band and a facts pill."),
        BadgeTemplate("circle", "circle.svg", "Flat roundel with a contrasting lower segment for EQF/ECTS."),
    )
}
TEMPLATE_NAMES: tuple[str, ...] = tuple(BADGE_TEMPLATES)
PAGE_TEMPLATE = BadgeTemplate(
    "credential-page", "credential-page.svg", "Landscape certificate page (Europass EDC display image).", 1200, 850
)


def get_template(name: str) -> BadgeTemplate:
    """The registered badge template called ``name``; :class:`UnknownTemplate` otherwise."""
    try:
        return BADGE_TEMPLATES[name]
    except (KeyError, TypeError):
        raise UnknownTemplate(f"unknown badge template {name!r}; choose one of {', '.join(TEMPLATE_NAMES)}")


def parse_template(source: str, *, width: int, height: int) -> ET.Element:
    """Parse SVG text (entities and DTDs refused) and check it is a safe ``width`` x ``height`` SVG."""
    try:
        root = SafeET.fromstring(source)
    except Exception as exc:  # noqa: BLE001 - defusedxml raises several unrelated types
        raise UnsafeTemplate(f"template is not acceptable XML: {exc}")
    if root.tag != f"{{{SVG_NS}}}svg":
        raise UnsafeTemplate("template root must be an SVG <svg> element")
    if root.get("viewBox", "").split() != ["0", "0", str(width), str(height)]:
        raise UnsafeTemplate(f"template viewBox must be '0 0 {width} {height}'")
    problems = svg_problems(root)
    if problems:
        raise UnsafeTemplate("; ".join(problems))
    return root


def load_template(path: Path, *, width: int = 600, height: int = 600) -> ET.Element:
    """Read and check an SVG template file (used for shipped templates and tests alike)."""
    return parse_template(Path(path).read_text(encoding="utf-8"), width=width, height=height)


@lru_cache(maxsize=8)
def _template_source(template: BadgeTemplate) -> str:
    return template.path.read_text(encoding="utf-8")


def template_tree(template: BadgeTemplate) -> ET.Element:
    """A fresh, checked element tree of a shipped template (safe for the caller to modify)."""
    return parse_template(_template_source(template), width=template.width, height=template.height)

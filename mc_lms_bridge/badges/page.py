"""Render the landscape certificate page (Europass EDC display image): badge, learner, facts and outcomes."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - building only; parsing goes through defusedxml
from datetime import date

from ..formats.record import MicroCredentialRecord
from .colours import palette
from .content import badge_content, long_date, outcome_texts
from .errors import TemplateSlotError
from .png import rasterise
from .render import BadgeStyle, render_badge_tree
from .slots import SlotValues, fill_template, serialise
from .templates import PAGE_TEMPLATE, template_tree
from .text import clean_text

__all__ = ["MAX_OUTCOMES", "render_credential_page_png", "render_credential_page_svg"]

MAX_OUTCOMES = 5


def _nest_badge(page: ET.Element, badge: ET.Element) -> None:
    """Move the badge's children into the page's ``data-slot="badge"`` <svg> placeholder."""
    holders = [e for e in page.iter() if e.get("data-slot") == "badge"]
    if len(holders) != 1 or not holders[0].tag.endswith("}svg"):
        raise TemplateSlotError("page template needs exactly one <svg data-slot='badge'> placeholder")
    holder = holders[0]
    del holder.attrib["data-slot"]
    holder.set("viewBox", badge.get("viewBox"))
    holder.extend(list(badge))


def page_slot_values(
    microcredential: MicroCredentialRecord, learner_name: str, awarded_on: date, style: BadgeStyle, language
) -> SlotValues:
    """Everything the certificate page template can show."""
    content = badge_content(microcredential, language)
    outcomes = outcome_texts(microcredential, language, limit=len(microcredential.learning_outcomes))
    extra = len(outcomes) - MAX_OUTCOMES
    name = clean_text(learner_name)
    texts = {
        "learner_name": name,
        "title": content.title,
        "awarding_body": content.awarding_body,
        "awarded_on": long_date(awarded_on),
        "eqf": content.eqf,
        "workload": content.workload,
        "more_outcomes": f"\u2026 and {extra} more learning outcome{'s' if extra > 1 else ''}" if extra > 0 else None,
        "alt": f"{name} \u2014 {content.alt} \u2014 {long_date(awarded_on)}",
    }
    flags = {n for n in ("eqf", "workload") if texts[n]}
    if outcomes:
        flags.add("outcomes")
    return SlotValues(
        texts=texts,
        palette=palette(style.primary, style.secondary),
        lists={"outcomes": outcomes[:MAX_OUTCOMES]},
        flags=frozenset(flags),
    )


def render_credential_page_svg(
    microcredential: MicroCredentialRecord,
    learner_name: str,
    awarded_on: date,
    *,
    style: BadgeStyle,
    language: str | None = None,
) -> str:
    """A 1200x850 SVG certificate page with the badge on the left and the award details on the right."""
    page = template_tree(PAGE_TEMPLATE)
    _nest_badge(page, render_badge_tree(microcredential, style=style, language=language))
    values = page_slot_values(microcredential, learner_name, awarded_on, style, language)
    return serialise(fill_template(page, values))


def render_credential_page_png(
    microcredential: MicroCredentialRecord,
    learner_name: str,
    awarded_on: date,
    *,
    style: BadgeStyle,
    language: str | None = None,
) -> bytes:
    """The certificate page as a 1200x850 PNG (Europass EDC ``displayParameter`` image)."""
    svg = render_credential_page_svg(microcredential, learner_name, awarded_on, style=style, language=language)
    return rasterise(svg, width=PAGE_TEMPLATE.width, height=PAGE_TEMPLATE.height)

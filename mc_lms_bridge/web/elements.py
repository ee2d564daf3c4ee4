"""The EU standard elements of a stored Open Badges credential as (label, value) rows a person can read."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..formats.ob3 import extract_eu_elements


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    url: str = ""


def _concept(item: dict | None) -> str:
    if not item:
        return ""
    return str(item.get("label") or item.get("code") or "")


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def _web_url(url: str) -> str:
    """Only http(s) links are rendered as links (never javascript: or data: from a credential)."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else ""


def _join(values) -> str:
    return ", ".join(str(v) for v in values if v)


def _rows(e: dict) -> list[tuple]:
    issuer = e.get("issuer") or {}
    qa = e.get("quality_assurance") or {}
    hours = e.get("workload_hours")
    return [
        (_("Title"), e.get("title")),
        (_("Learner"), (e.get("learner") or {}).get("id")),
        (_("Issuer"), _join([issuer.get("name"), issuer.get("country")])),
        (_("Awarding bodies"), _join(b.get("name") for b in e.get("awarding_bodies") or [])),
        (_("Date of issue"), (e.get("issued_at") or "")[:10]),
        (_("Date awarded"), (e.get("awarded_at") or "")[:10]),
        (_("Valid until"), (e.get("valid_until") or "")[:10] or _("No expiry")),
        (_("Learning outcomes"), [(o.get("text"), o.get("esco_skill_uri") or "") for o in e.get("learning_outcomes")
                                  or []]),
        (_("Credits (ECTS)"), e.get("ects_credits")),
        (_("Notional workload"), _("%(hours)s hours") % {"hours": hours} if hours else ""),
        (_("EQF level"), _concept(e.get("eqf_level")), (e.get("eqf_level") or {}).get("uri") or ""),
        (_("NQF level"), _concept(e.get("nqf_concept")), (e.get("nqf_concept") or {}).get("uri") or ""),
        (_("Field of education (ISCED-F)"), _join(_concept(item) for item in e.get("fields_of_education") or [])),
        (_("QF-EHEA cycle"), e.get("qf_ehea_cycle")),
        (_("Type of assessment"), _concept(e.get("assessment_type"))),
        (_("Form of participation"), _concept(e.get("participation_mode"))),
        (_("Learning setting"), _concept(e.get("learning_setting"))),
        (_("Quality assurance"), _join([qa.get("label"), qa.get("body_name")]), qa.get("url") or ""),
        (_("Prerequisites"), e.get("prerequisites")),
        (_("Supervision and identity verification"), _concept(e.get("supervision"))),
        (_("Grade"), e.get("grade")),
        (_("Grading scheme"), e.get("grading_scheme")),
        (_("Stackability"), {"standalone": _("Stand-alone"), "stackable": _("Stackable")}.get(
            e.get("stackability") or "", e.get("stackability"))),
        (_("Languages"), _join(_language_name(c) for c in e.get("languages") or [] if c)),
        (_("Further information"), e.get("further_information")),
        (_("Homepage"), e.get("homepage"), e.get("homepage") or ""),
    ]


def element_rows(credential: dict) -> tuple[list[Row], list[Row]]:
    """(rows, learning outcome rows) of every element present; outcomes are a list of their own."""
    elements = extract_eu_elements(credential)
    rows, outcomes = [], []
    for label, value, *url in _rows(elements):
        if isinstance(value, list):
            outcomes = [Row(label=str(label), value=str(text), url=_web_url(link)) for text, link in value if text]
        elif value not in (None, ""):
            rows.append(Row(label=str(label), value=str(value), url=_web_url(url[0]) if url else ""))
    return rows, outcomes

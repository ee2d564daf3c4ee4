"""Catalogue export: published micro-credentials and pathways as plain JSON and as ELM 3.2 LOQ JSON-LD."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..catalogue.records import microcredential_record
from ..formats.edc.builder import EDC_CONTEXTS, display_languages
from ..formats.edc.concepts import language_concept
from ..formats.edc.ids import epass_id
from ..formats.edc.organisation import organisation_node, web_resource_node
from ..formats.edc.qualification import known_nqf_level, qualification_node, version_key
from ..formats.record import MicroCredentialRecord
from ..identity import base_url
from ..models import MicroCredentialVersion, Pathway, Status

#: Properties of an EDC Qualification that the (closed) LOQ LearningAchievementSpecification shape does not allow.
QUALIFICATION_ONLY = frozenset({"isPartialQualification", "eqfLevel", "nqfLevel", "accreditation"})


def _text(text) -> dict:
    return dict(text or {})


def microcredential_entry(mc: MicroCredentialRecord, listing: dict | None = None) -> dict:
    """One published micro-credential in ``catalogue.json``; ``europass_catalogue``: is it in catalogue.jsonld?"""
    return {"id": mc.id, "version": mc.version, "achievement": mc.url, "title": _text(mc.title),
            "description": _text(mc.description), "issuer": {"did": mc.issuer.did, "name": _text(mc.issuer.legal_name),
                                                            "country": mc.issuer.country},
            "languages": list(mc.languages), "ects": None if mc.ects_credits is None else float(mc.ects_credits),
            "workload_hours": mc.workload_hours, "eqf_level": mc.eqf_level, "nqf_level": mc.nqf_level or None,
            "isced_f_codes": list(mc.isced_f_codes), "stackability": mc.stackability,
            "participation_mode": mc.participation_mode, "assessment_type": mc.assessment_type,
            "homepage": mc.homepage or None, "europass_catalogue": listing or europass_listing(mc)}


def pathway_entry(pathway: Pathway, credential: MicroCredentialRecord | None) -> dict:
    """One active pathway in ``catalogue.json``: its stacked credential, rule and direct components."""
    return {"id": str(pathway.pk), "slug": pathway.slug, "organisation": pathway.organisation.slug,
            "title": _text(pathway.title), "description": _text(pathway.description),
            "credential": credential.id if credential else None,
            "achievement": credential.url if credential else None, "rule": pathway.rule,
            "components": sorted(component_ids(pathway))}


def loq_missing(mc: MicroCredentialRecord) -> list[str]:
    """Our fields a micro-credential must fill before it can be listed in catalogue.jsonld (LOQ-mandatory)."""
    return [] if mc.isced_f_codes else ["isced_f_codes"]


def is_loq_qualification(mc: MicroCredentialRecord, parts: Sequence[MicroCredentialRecord] = ()) -> bool:
    """A ``Qualification`` needs an EQF level and an NQF concept (LOQ), and its parts must be Qualifications too."""
    return (mc.eqf_level is not None and bool(known_nqf_level(mc))
            and all(is_loq_qualification(part) for part in parts))


def qualification_kinds(published: Mapping[str, MicroCredentialRecord],
                        parts: Mapping[str, Sequence[MicroCredentialRecord]]) -> dict[str, bool]:
    """Micro-credential id -> is it a ``Qualification``, looking through nested pathways (parts of parts)."""
    kinds: dict[str, bool] = {}

    def qualifies(mc: MicroCredentialRecord) -> bool:
        if mc.id not in kinds:
            kinds[mc.id] = False  # pathways cannot nest in a cycle; this only guards the recursion
            kinds[mc.id] = is_loq_qualification(mc) and all(qualifies(part) for part in parts.get(mc.id, ()))
        return kinds[mc.id]

    for mc in published.values():
        qualifies(mc)
    return kinds


def europass_listing(mc: MicroCredentialRecord, parts: Sequence[MicroCredentialRecord] = (), *,
                     kinds: Mapping[str, bool] | None = None) -> dict:
    """``{"listed": false, "missing": [...]}``, or ``{"listed": true, "specification": <ELM class>}``."""
    missing = loq_missing(mc)
    if missing:
        return {"listed": False, "missing": missing}
    qualification = (kinds or {}).get(mc.id, is_loq_qualification(mc, parts))
    return {"listed": True, "specification": "Qualification" if qualification else "LearningAchievementSpecification"}


def loq_specification(mc: MicroCredentialRecord, languages: Sequence[str], parts: Sequence[MicroCredentialRecord] = (),
                      *, kinds: Mapping[str, bool] | None = None, partial: bool | None = None) -> dict:
    """The ELM specification of the micro-credential (pure): a ``Qualification`` when LOQ allows it, else a
    ``LearningAchievementSpecification`` (a closed shape: no qualification-only properties; EQF as educationLevel).

    ``kinds`` (see ``qualification_kinds``) decides for nested pathways; ``partial`` overrides
    ``isPartialQualification`` (a pathway component is part of another qualification).
    """
    node = qualification_node(mc, languages)
    if (kinds or {}).get(mc.id, is_loq_qualification(mc, parts)):
        for accreditation in node.get("accreditation", []):
            accreditation["organisation"] = organisation_node(mc.issuer)  # LOQ wants the accredited organisation
        if partial is not None:
            node["isPartialQualification"] = partial
    else:
        levels = [node[key] for key in ("eqfLevel", "nqfLevel") if node.get(key)]  # kept as education levels
        node = {key: value for key, value in node.items() if key not in QUALIFICATION_ONLY}
        node.update(id=epass_id("learningAchievementSpecification", version_key(mc)),
                    type="LearningAchievementSpecification")
        if levels:
            node["educationLevel"] = levels
    if parts:
        node["hasPart"] = [loq_specification(part, languages, kinds=kinds, partial=True) for part in parts]
    return node


def learning_opportunity(mc: MicroCredentialRecord, parts: Sequence[MicroCredentialRecord] = (), *,
                         kinds: Mapping[str, bool] | None = None, partial: bool | None = None) -> dict:
    """An ELM ``LearningOpportunity`` offering the micro-credential's specification (pure).

    Only for micro-credentials with nothing LOQ-mandatory missing (see ``loq_missing``), parts included.
    """
    languages = display_languages(mc)
    node = {"id": epass_id("learningOpportunity", version_key(mc)), "type": "LearningOpportunity",
            "title": _text(mc.title), "homepage": [web_resource_node(version_key(mc) + ":page", mc.homepage or mc.url)],
            "providedBy": organisation_node(mc.issuer),
            "learningAchievementSpecification": loq_specification(mc, languages, parts, kinds=kinds,
                                                                  partial=partial),
            # a LOQ property the EDC-AP context has no term for: written as a compact IRI
            "elm:defaultLanguage": language_concept(languages[0])}
    if mc.description:
        node["description"] = _text(mc.description)
    if parts:
        node["hasPart"] = [{"id": epass_id("learningOpportunity", version_key(part))} for part in parts]
    return node


def _published() -> dict[str, MicroCredentialRecord]:
    versions = (MicroCredentialVersion.objects.filter(status=Status.PUBLISHED)
                .select_related("microcredential__organisation").order_by("microcredential__slug"))
    return {str(v.microcredential_id): microcredential_record(v) for v in versions}


def component_ids(pathway: Pathway) -> list[str]:
    """Ids of the pathway's direct components (from the prefetched set when the pathway came from ``_pathways``)."""
    return [str(component.pk) for component in pathway.components.all()]


def _pathways():
    return (Pathway.objects.filter(active=True).select_related("organisation").prefetch_related("components")
            .order_by("organisation__slug", "slug"))


def _listed_parts(published: dict[str, MicroCredentialRecord],
                  pathways: Sequence[Pathway]) -> dict[str, list[MicroCredentialRecord]]:
    """Per stacked credential (key: its micro-credential id), its published components that can be listed."""
    return {str(p.microcredential_id): [published[pk] for pk in component_ids(p)
                                        if pk in published and not loq_missing(published[pk])]
            for p in pathways}


def catalogue_document() -> dict:
    """``catalogue.json``: published micro-credentials (stacked credentials included) and active pathways."""
    published, pathways = _published(), list(_pathways())
    parts = _listed_parts(published, pathways)
    kinds = qualification_kinds(published, parts)
    return {"publisher": base_url(),
            "micro_credentials": [microcredential_entry(mc, europass_listing(mc, kinds=kinds))
                                  for mc in published.values()],
            "pathways": [{**pathway_entry(p, published.get(str(p.microcredential_id))),
                          "components_not_in_europass_catalogue": _unlisted_components(p, parts)}
                         for p in pathways]}


def _unlisted_components(pathway: Pathway, parts: Mapping[str, Sequence[MicroCredentialRecord]]) -> list[str]:
    """Direct components left out of the pathway's ELM ``hasPart`` (unpublished, or missing a LOQ element)."""
    listed = {part.id for part in parts.get(str(pathway.microcredential_id), ())}
    return sorted(pk for pk in component_ids(pathway) if pk not in listed)


def catalogue_elm() -> dict:
    """``catalogue.jsonld``: one LearningOpportunity per listable published micro-credential; pathways list parts.

    A micro-credential that lacks a LOQ-mandatory element (no ISCED-F field of education) is left out, and so are
    the references to it; ``catalogue.json`` names what is missing.
    """
    published = _published()
    parts = _listed_parts(published, _pathways())
    kinds = qualification_kinds(published, parts)
    listed = {key for key, mc in published.items() if not loq_missing(mc)}
    components = {part.id for key, their_parts in parts.items() if key in listed for part in their_parts}
    # The VC 1.1 context comes first only for its "id"/"type" aliases, as in every Europass document.
    return {"@context": list(EDC_CONTEXTS),
            "@graph": [learning_opportunity(mc, parts.get(key, ()), kinds=kinds,
                                            partial=True if mc.id in components else None)
                       for key, mc in published.items() if not loq_missing(mc)]}

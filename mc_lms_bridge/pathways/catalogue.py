"""Catalogue export: published micro-credentials and pathways as plain JSON and as ELM 3.2 LOQ JSON-LD."""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue.records import microcredential_record
from ..formats.edc.builder import EDC_CONTEXTS, display_languages
from ..formats.edc.concepts import language_concept
from ..formats.edc.ids import epass_id
from ..formats.edc.organisation import organisation_node, web_resource_node
from ..formats.edc.qualification import qualification_node, version_key
from ..formats.record import MicroCredentialRecord
from ..identity import base_url
from ..models import MicroCredentialVersion, Pathway, Status


def _text(text) -> dict:
    return dict(text or {})


def microcredential_entry(mc: MicroCredentialRecord) -> dict:
    """One published micro-credential in ``catalogue.json``."""
    return {"id": mc.id, "version": mc.version, "achievement": mc.url, "title": _text(mc.title),
            "description": _text(mc.description), "issuer": {"did": mc.issuer.did, "name": _text(mc.issuer.legal_name),
                                                            "country": mc.issuer.country},
            "languages": list(mc.languages), "ects": None if mc.ects_credits is None else float(mc.ects_credits),
            "workload_hours": mc.workload_hours, "eqf_level": mc.eqf_level, "stackability": mc.stackability,
            "participation_mode": mc.participation_mode, "assessment_type": mc.assessment_type,
            "homepage": mc.homepage or None}


def pathway_entry(pathway: Pathway, credential: MicroCredentialRecord | None) -> dict:
    """One active pathway in ``catalogue.json``: its stacked credential, rule and direct components."""
    return {"id": str(pathway.pk), "slug": pathway.slug, "organisation": pathway.organisation.slug,
            "title": _text(pathway.title), "description": _text(pathway.description),
            "credential": credential.id if credential else None,
            "achievement": credential.url if credential else None, "rule": pathway.rule,
            "components": sorted(str(pk) for pk in pathway.components.values_list("pk", flat=True))}


def loq_qualification(mc: MicroCredentialRecord, languages: Sequence[str]) -> dict:
    """The EDC Qualification node; LOQ also wants each accreditation to name the accredited organisation."""
    node = qualification_node(mc, languages)
    for accreditation in node.get("accreditation", []):
        accreditation["organisation"] = organisation_node(mc.issuer)
    return node


def learning_opportunity(mc: MicroCredentialRecord, parts: Sequence[MicroCredentialRecord] = ()) -> dict:
    """An ELM ``LearningOpportunity`` offering the micro-credential's ``Qualification`` (pure)."""
    languages = display_languages(mc)
    qualification = loq_qualification(mc, languages)
    if parts:
        qualification["hasPart"] = [{**loq_qualification(part, languages), "isPartialQualification": True}
                                    for part in parts]
    node = {"id": epass_id("learningOpportunity", version_key(mc)), "type": "LearningOpportunity",
            "title": _text(mc.title), "homepage": [web_resource_node(version_key(mc) + ":page", mc.homepage or mc.url)],
            "providedBy": organisation_node(mc.issuer), "learningAchievementSpecification": qualification,
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


def _pathways():
    return Pathway.objects.filter(active=True).select_related("organisation").order_by("organisation__slug", "slug")


def catalogue_document() -> dict:
    """``catalogue.json``: published micro-credentials (stacked credentials included) and active pathways."""
    published = _published()
    return {"publisher": base_url(), "micro_credentials": [microcredential_entry(mc) for mc in published.values()],
            "pathways": [pathway_entry(p, published.get(str(p.microcredential_id))) for p in _pathways()]}


def catalogue_elm() -> dict:
    """``catalogue.jsonld``: one LearningOpportunity per published micro-credential; pathways list their parts."""
    published = _published()
    parts = {str(p.microcredential_id): [published[str(pk)] for pk in p.components.values_list("pk", flat=True)
                                         if str(pk) in published] for p in _pathways()}
    # The VC 1.1 context comes first only for its "id"/"type" aliases, as in every Europass document.
    return {"@context": list(EDC_CONTEXTS),
            "@graph": [learning_opportunity(mc, parts.get(key, ())) for key, mc in published.items()]}

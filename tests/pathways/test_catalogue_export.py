"""GET /catalogue.json and /catalogue.jsonld: published micro-credentials and pathways, ELM LOQ-conformant."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import SH

from mc_lms_bridge import vocab
from mc_lms_bridge.models import MicroCredentialVersion
from mc_lms_bridge.pathways.catalogue_shapes import loq_shapes, validate_catalogue_elm

from .conftest import ISCED_F_SOFTWARE, RQF_LEVEL_6, credential_rule

pytestmark = pytest.mark.django_db

LAS_SHAPE = rdflib.URIRef("http://data.europa.eu/snb/model/ap/loq-constraints/LearningAchievementSpecificationShape")


@pytest.fixture(scope="module")
def las_activated_shapes() -> rdflib.Graph:
    """The LOQ shapes with ``sh:deactivated true`` removed from the (closed) LearningAchievementSpecification shape."""
    shapes = rdflib.Graph()
    for triple in loq_shapes():
        shapes.add(triple)
    assert (LAS_SHAPE, SH.deactivated, rdflib.Literal(True)) in shapes, "the official file deactivates the LAS shape"
    shapes.remove((LAS_SHAPE, SH.deactivated, None))
    assert shapes.value(LAS_SHAPE, SH.closed) == rdflib.Literal(True)
    return shapes


def _jsonld(client) -> dict:
    response = client.get("/catalogue.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    return response.json()


def _entries(client) -> dict[str, dict]:
    return {entry["id"]: entry for entry in client.get("/catalogue.json").json()["micro_credentials"]}


def _specification(document: dict, mc) -> dict:
    version = mc.published_version()
    (node,) = [n for n in document["@graph"] if n["title"]["en"] == version.title["en"]]
    return node["learningAchievementSpecification"]


def test_catalogue_lists_published_microcredentials_and_pathways(client, make_mc, make_pathway):
    course_a, course_b = make_mc("course-a", "Data Analysis"), make_mc("course-b", "Data Visualisation")
    pathway = make_pathway("data-skills", credential_rule(course_a, course_b))
    body = client.get("/catalogue.json").json()
    ids = {entry["id"] for entry in body["micro_credentials"]}
    assert {str(course_a.pk), str(course_b.pk), str(pathway.microcredential_id)} <= ids
    (entry,) = body["pathways"]
    assert entry["credential"] == str(pathway.microcredential_id)
    assert set(entry["components"]) == {str(course_a.pk), str(course_b.pk)}
    for listed in body["micro_credentials"]:
        assert listed["europass_catalogue"] == {"listed": True, "specification": "Qualification"}
        assert (listed["isced_f_codes"], listed["nqf_level"]) == ([ISCED_F_SOFTWARE], RQF_LEVEL_6)

    document = _jsonld(client)
    assert len(document["@graph"]) == 3
    stacked = next(n for n in document["@graph"] if n.get("hasPart"))
    specification = stacked["learningAchievementSpecification"]
    assert specification["type"] == "Qualification" and len(specification["hasPart"]) == 2
    assert [part["isPartialQualification"] for part in specification["hasPart"]] == [True, True]
    assert specification["thematicArea"] == [{
        "id": "http://data.europa.eu/snb/isced-f/0613", "type": "Concept",
        "inScheme": {"id": "http://data.europa.eu/snb/isced-f/25831c2", "type": "ConceptScheme"},
        "prefLabel": {"en": "Software and applications development and analysis"}}]
    assert specification["nqfLevel"]["id"] == "http://data.europa.eu/snb/qdr/c_c392e7a2"
    assert specification["nqfLevel"]["inScheme"]["id"] == vocab.get("nqf").scheme_uri
    assert validate_catalogue_elm(document) == []


def test_the_loq_shapes_catch_a_learning_opportunity_without_provider_or_title(client, make_mc):
    make_mc("course-a", "Data Analysis")
    document = _jsonld(client)
    del document["@graph"][0]["providedBy"]
    del document["@graph"][0]["title"]
    problems = validate_catalogue_elm(document)
    assert any("providedBy" in p for p in problems) and any("title" in p for p in problems), problems


def test_the_loq_shapes_catch_a_qualification_without_thematic_area_or_nqf_level(client, make_mc):
    make_mc("course-a", "Data Analysis")
    document = _jsonld(client)
    specification = document["@graph"][0]["learningAchievementSpecification"]
    del specification["thematicArea"], specification["nqfLevel"]
    missing = {p.split()[1].rsplit("/", 1)[1].rstrip(":") for p in validate_catalogue_elm(document)}
    assert missing == {"ISCEDFCode", "NQFLevel"}


def test_a_microcredential_without_isced_f_is_left_out_of_the_jsonld_and_flagged_in_the_json(
        client, make_mc, make_pathway):
    listed = make_mc("course-a", "Data Analysis")
    unlisted = make_mc("course-b", "Data Visualisation", isced_f_codes=[])
    pathway = make_pathway("data-skills", credential_rule(listed, unlisted))
    entries = _entries(client)
    assert entries[str(unlisted.pk)]["europass_catalogue"] == {"listed": False, "missing": ["isced_f_codes"]}
    assert entries[str(listed.pk)]["europass_catalogue"]["listed"] is True
    assert entries[str(pathway.microcredential_id)]["europass_catalogue"]["listed"] is True

    document = _jsonld(client)
    titles = {node["title"]["en"] for node in document["@graph"]}
    assert titles == {"Data Analysis", "Stack data-skills"}
    stacked = next(n for n in document["@graph"] if n["title"]["en"] == "Stack data-skills")
    assert len(stacked["hasPart"]) == 1  # the unlisted component is not referenced either
    (pathway_entry,) = client.get("/catalogue.json").json()["pathways"]
    assert pathway_entry["components_not_in_europass_catalogue"] == [str(unlisted.pk)]
    assert [p["title"]["en"] for p in stacked["learningAchievementSpecification"]["hasPart"]] == ["Data Analysis"]
    assert validate_catalogue_elm(document) == []


def test_an_nqf_level_without_eqf_level_stays_as_an_education_level(client, make_mc, las_activated_shapes):
    mc = make_mc("course-a", "Data Analysis", eqf_level="")
    specification = _specification(_jsonld(client), mc)
    assert specification["type"] == "LearningAchievementSpecification"
    assert [level["id"] for level in specification["educationLevel"]] == [
        "http://data.europa.eu/snb/qdr/c_c392e7a2"]
    assert validate_catalogue_elm(_jsonld(client), las_activated_shapes) == []


def test_components_of_an_unlisted_stack_are_not_marked_partial(client, make_mc, make_pathway):
    part = make_mc("course-a", "Data Analysis", stackability="standalone")
    alone = _specification(_jsonld(client), part)
    make_pathway("data-skills", credential_rule(part), isced_f_codes=[])  # the stack itself cannot be listed
    document = _jsonld(client)
    assert _specification(document, part) == alone
    assert alone.get("isPartialQualification") is False
    assert validate_catalogue_elm(document) == []


def test_a_microcredential_without_nqf_level_is_a_learning_achievement_specification(
        client, make_mc, las_activated_shapes):
    mc = make_mc("course-a", "Data Analysis", nqf_level="")
    assert _entries(client)[str(mc.pk)]["europass_catalogue"] == {
        "listed": True, "specification": "LearningAchievementSpecification"}
    document = _jsonld(client)
    specification = _specification(document, mc)
    assert specification["type"] == "LearningAchievementSpecification"
    assert specification["id"].startswith("urn:epass:learningAchievementSpecification:")
    assert not {"isPartialQualification", "eqfLevel", "nqfLevel", "accreditation"} & set(specification)
    assert [level["id"] for level in specification["educationLevel"]] == ["http://data.europa.eu/snb/eqf/5"]
    assert [area["id"] for area in specification["thematicArea"]] == ["http://data.europa.eu/snb/isced-f/0613"]
    assert validate_catalogue_elm(document) == []
    assert validate_catalogue_elm(document, las_activated_shapes) == []


def test_the_activated_las_shape_really_checks_our_nodes(client, make_mc, las_activated_shapes):
    make_mc("course-a", "Data Analysis", nqf_level="")
    document = _jsonld(client)
    specification = document["@graph"][0]["learningAchievementSpecification"]
    specification["eqfLevel"] = specification["educationLevel"][0]  # not a property of the closed LAS shape
    del specification["thematicArea"]
    assert validate_catalogue_elm(document) == []  # the official (deactivated) shape does not look
    problems = validate_catalogue_elm(document, las_activated_shapes)
    assert any("ISCEDFCode" in p for p in problems) and any("EQFLevel" in p for p in problems), problems


def test_a_pathway_with_a_part_that_is_not_a_qualification_becomes_a_specification_too(
        client, make_mc, make_pathway, las_activated_shapes):
    qualification = make_mc("course-a", "Data Analysis")
    specification_only = make_mc("course-b", "Data Visualisation", eqf_level="")
    pathway = make_pathway("data-skills", credential_rule(qualification, specification_only))
    entries = _entries(client)
    assert entries[str(pathway.microcredential_id)]["europass_catalogue"]["specification"] == (
        "LearningAchievementSpecification")  # LOQ: a Qualification's parts are Qualifications
    assert entries[str(qualification.pk)]["europass_catalogue"]["specification"] == "Qualification"
    document = _jsonld(client)
    stacked = _specification(document, pathway.microcredential)
    assert stacked["type"] == "LearningAchievementSpecification"
    assert sorted(part["type"] for part in stacked["hasPart"]) == ["LearningAchievementSpecification", "Qualification"]
    assert validate_catalogue_elm(document) == []
    assert validate_catalogue_elm(document, las_activated_shapes) == []


def test_a_standalone_component_is_a_partial_qualification_everywhere_it_appears(client, make_mc, make_pathway):
    component = make_mc("course-a", "Data Analysis", stackability="standalone")
    make_pathway("data-skills", credential_rule(component))
    document = _jsonld(client)
    nodes = [_specification(document, component)]
    stacked = next(n for n in document["@graph"] if n.get("hasPart"))
    nodes += stacked["learningAchievementSpecification"]["hasPart"]
    assert [node["isPartialQualification"] for node in nodes] == [True, True]
    assert validate_catalogue_elm(document) == []


def test_a_free_text_nqf_level_of_an_older_version_counts_as_absent(client, make_mc, las_activated_shapes):
    mc = make_mc("course-a", "Data Analysis")
    MicroCredentialVersion.objects.filter(microcredential=mc).update(nqf_level="Level 6 (national)")
    entry = _entries(client)[str(mc.pk)]
    assert entry["nqf_level"] == "Level 6 (national)"
    assert entry["europass_catalogue"] == {"listed": True, "specification": "LearningAchievementSpecification"}
    document = _jsonld(client)
    assert "Level 6" not in str(document)
    assert validate_catalogue_elm(document, las_activated_shapes) == []


def test_a_nested_pathway_gives_its_stacked_credential_one_kind_everywhere(
        client, make_mc, make_pathway, las_activated_shapes):
    inner_a = make_mc("course-a", "Data Analysis", nqf_level="")  # a specification, not a qualification
    inner_b = make_mc("course-b", "Data Visualisation")
    inner = make_pathway("inner", credential_rule(inner_a, inner_b))
    course_c = make_mc("course-c", "Data Ethics")
    outer = make_pathway("outer", credential_rule(inner.microcredential, course_c), ects="20.00")
    entries = _entries(client)
    assert entries[str(inner.microcredential_id)]["europass_catalogue"]["specification"] == (
        "LearningAchievementSpecification")
    assert entries[str(outer.microcredential_id)]["europass_catalogue"]["specification"] == (
        "LearningAchievementSpecification")
    document = _jsonld(client)
    inner_node = _specification(document, inner.microcredential)
    nested = {part["title"]["en"]: part for part in _specification(document, outer.microcredential)["hasPart"]}
    assert nested["Stack inner"]["id"] == inner_node["id"]
    assert nested["Stack inner"]["type"] == inner_node["type"] == "LearningAchievementSpecification"
    assert nested["Data Ethics"]["type"] == "Qualification"
    assert validate_catalogue_elm(document) == []
    assert validate_catalogue_elm(document, las_activated_shapes) == []

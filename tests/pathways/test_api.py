"""Pathway API: create, update, list with catalogue scopes; 400 field errors for bad rules and cycles; progress."""

from __future__ import annotations

import pytest

from mc_lms_bridge.awards.service import grant_award
from mc_lms_bridge.models import Learner, PathwayIndexEntry

from .conftest import credential_rule

pytestmark = pytest.mark.django_db


@pytest.fixture
def parts(make_mc):
    return (make_mc("course-a", "Data Analysis"), make_mc("course-b", "Data Visualisation"),
            make_mc("stack-credential", "Data Skills", ects="10.00", stackability="standalone"))


def create(api, slug, rule, mc=None):
    return api.post("/api/v1/pathways/", {"slug": slug, "title": {"en": slug}, "rule": rule,
                                          "microcredential": str(mc.pk) if mc else None,
                                          "revocation_policy": "revoke"})


def test_create_list_update_and_index(api_a, parts):
    course_a, course_b, own = parts
    response = create(api_a, "data-skills", credential_rule(course_a, course_b), own)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["components"] == sorted([str(course_a.pk), str(course_b.pk)])
    assert set(PathwayIndexEntry.objects.values_list("component", flat=True)) == {course_a.pk, course_b.pk}
    listed = api_a.get("/api/v1/pathways/").json()
    assert [item["slug"] for item in listed["results"]] == ["data-skills"]
    patched = api_a.patch(f"/api/v1/pathways/{body['id']}/", {"rule": credential_rule(course_a)})
    assert patched.status_code == 200 and patched.json()["components"] == [str(course_a.pk)]
    assert set(PathwayIndexEntry.objects.values_list("component", flat=True)) == {course_a.pk}


@pytest.mark.parametrize(("rule", "words"), [
    ({"all_of": []}, "at least one rule node"),
    ({"credential": {"microcredential": "not-a-uuid"}}, "must be a UUID"),
    ({"credential": {"microcredential": "0b8c1c2e-6f0a-4d5e-9a3e-4e44c0edc032"}}, "no micro-credential"),
    ({"pathway": {"pathway": "0b8c1c2e-6f0a-4d5e-9a3e-4e44c0edc032"}}, "no pathway"),
])
def test_bad_rules_are_400_field_errors(api_a, parts, rule, words):
    response = create(api_a, "bad", rule)
    assert response.status_code == 400
    assert words in " ".join(response.json()["errors"]["rule"])


def test_a_cycle_is_refused_naming_it(api_a, parts):
    course_a, course_b, _ = parts
    outer = create(api_a, "outer", credential_rule(course_a)).json()
    inner = create(api_a, "inner", {"all_of": [{"pathway": {"pathway": outer["id"]}}]}).json()
    response = api_a.patch(f"/api/v1/pathways/{outer['id']}/", {"rule": {"pathway": {"pathway": inner["id"]}}})
    assert response.status_code == 400
    (message,) = response.json()["errors"]["rule"]
    assert "cycle" in message and "outer" in message and "inner" in message
    self_ref = api_a.patch(f"/api/v1/pathways/{outer['id']}/", {"rule": {"pathway": {"pathway": outer["id"]}}})
    assert self_ref.status_code == 400 and "cycle" in self_ref.json()["errors"]["rule"][0]


def test_scopes_and_organisation_isolation(token_client, org_a, api_b, parts):
    course_a, _, _ = parts
    reader = token_client(org_a, scopes=["catalogue:read"])
    assert create(reader, "nope", credential_rule(course_a)).status_code == 403
    assert create(api_b, "theirs", credential_rule(course_a)).status_code == 201  # components may be anyone's
    assert api_b.get("/api/v1/pathways/").json()["count"] == 1
    assert reader.get("/api/v1/pathways/").json()["count"] == 0


def test_progress_says_what_is_done_missing_and_next(api_a, parts):
    course_a, course_b, own = parts
    pathway = create(api_a, "data-skills", credential_rule(course_a, course_b), own).json()
    learner = Learner.objects.create(given_name="Ada", email="ada@example.org")
    grant_award(learner=learner, version=course_a.published_version(), evidence=[], reason={}, grade="80 %")
    body = api_a.get(f"/api/v1/pathways/{pathway['id']}/progress/?learner={learner.pk}").json()
    assert body["satisfied"] is False and body["ects"] == 5.0
    assert [item["title"] for item in body["done"]] == ["Data Analysis"]
    assert body["missing"] == ["Data Visualisation"]
    assert body["next_step"] == {"kind": "microcredential", "target": str(course_b.pk),
                                 "label": "Data Visualisation", "ects": 5.0}
    stranger = Learner.objects.create(given_name="Bob")
    assert api_a.get(f"/api/v1/pathways/{pathway['id']}/progress/?learner={stranger.pk}").status_code == 404

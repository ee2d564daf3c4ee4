"""Lifecycle through the API: draft -> review -> published -> retired; versions of published entries."""

from __future__ import annotations

import pytest

from mc_lms_bridge.models import AuditLogEntry, ImmutableVersionError, MicroCredential, MicroCredentialVersion

API = "/api/v1/micro-credentials/"
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("element", [
    "title", "languages", "learning_outcomes", "eqf_level", "assessment_type", "participation_mode",
    "learning_setting", "qa_type",
])
def test_submit_refused_names_the_missing_element(api_a, complete_payload, element):
    complete_payload.pop(element)
    if element == "title":  # a title is required to create; blank it afterwards instead
        complete_payload["title"] = {"en": "x"}
    response = api_a.post(API, complete_payload)
    assert response.status_code == 201, response.content
    mc_id = response.json()["id"]
    if element == "title":
        MicroCredentialVersion.objects.filter(microcredential_id=mc_id).update(title={})
    refused = api_a.post(f"{API}{mc_id}/submit/")
    assert refused.status_code == 400
    body = refused.json()
    assert list(body["errors"]) == [element]
    assert body["code"] == "incomplete"


def test_workload_missing_is_refused(api_a, complete_payload):
    complete_payload.pop("ects_credits")
    complete_payload.pop("workload_hours")
    mc_id = api_a.post(API, complete_payload).json()["id"]
    refused = api_a.post(f"{API}{mc_id}/submit/").json()
    assert "Notional workload" in refused["errors"]["ects_credits"][0]


def test_publish_requires_review_first(api_a, complete_payload):
    mc_id = api_a.post(API, complete_payload).json()["id"]
    response = api_a.post(f"{API}{mc_id}/publish/")
    assert response.status_code == 409
    assert "in review" in response.json()["detail"]


def test_full_lifecycle_and_audit_trail(api_a, published):
    body = api_a.get(f"{API}{published}/").json()
    assert body["published_version"] == 1
    assert body["current"]["status"] == "published"
    retired = api_a.post(f"{API}{published}/retire/", {"reason": "Course discontinued"})
    assert retired.status_code == 200
    assert retired.json()["current"]["status"] == "retired"
    actions = list(AuditLogEntry.objects.filter(object_id=published).order_by("at", "id")
                   .values_list("action", flat=True))
    assert actions == ["create", "submit", "publish", "retire"]
    assert AuditLogEntry.objects.get(object_id=published, action="retire").reason == "Course discontinued"
    assert AuditLogEntry.objects.get(object_id=published, action="publish").actor_label == "token:test"


def test_editing_published_creates_new_version_and_leaves_old_untouched(api_a, published):
    old = MicroCredentialVersion.objects.get(microcredential_id=published, version=1)
    old_snapshot = (old.pk, old.title, old.ects_credits, list(old.learning_outcomes.values_list("text", flat=True)))
    edited = api_a.patch(f"{API}{published}/", {"title": {"en": "Data Literacy II"}, "ects_credits": "6.00",
                                                "workload_hours": 160})
    assert edited.status_code == 200, edited.content
    body = edited.json()
    assert body["current"]["version"] == 2
    assert body["current"]["status"] == "draft"
    assert body["published_version"] == 1
    assert len(body["current"]["learning_outcomes"]) == 2  # copied from version 1
    old.refresh_from_db()
    assert (old.pk, old.title, old.ects_credits,
            list(old.learning_outcomes.values_list("text", flat=True))) == old_snapshot
    assert old.status == "published"
    # publishing version 2 retires version 1, which keeps its content
    assert api_a.post(f"{API}{published}/submit/").status_code == 200
    assert api_a.post(f"{API}{published}/publish/").status_code == 200
    old.refresh_from_db()
    assert old.status == "retired" and old.title == old_snapshot[1]
    versions = api_a.get(f"{API}{published}/versions/").json()
    assert [(v["version"], v["status"]) for v in versions] == [(2, "published"), (1, "retired")]
    assert api_a.get(f"{API}{published}/versions/1/").json()["title"] == {
        "en": "Data Literacy", "fr": "Littératie des données"}


def test_published_version_content_cannot_be_changed_in_code(published):
    version = MicroCredentialVersion.objects.get(microcredential_id=published, version=1)
    version.eqf_level = "7"
    with pytest.raises(ImmutableVersionError, match="eqf_level"):
        version.save()


def test_edit_while_in_review_is_a_conflict(api_a, complete_payload):
    mc_id = api_a.post(API, complete_payload).json()["id"]
    assert api_a.post(f"{API}{mc_id}/submit/").status_code == 200
    response = api_a.patch(f"{API}{mc_id}/", {"qa_body": "Other"})
    assert response.status_code == 409
    assert api_a.post(f"{API}{mc_id}/withdraw/", {"reason": "fix QA"}).status_code == 200
    assert api_a.patch(f"{API}{mc_id}/", {"qa_body": "Other"}).status_code == 200


def test_duplicate_slug_in_same_organisation_is_refused(api_a, complete_payload):
    assert api_a.post(API, complete_payload).status_code == 201
    again = api_a.post(API, complete_payload)
    assert again.status_code == 400
    assert "slug" in again.json()["errors"]
    assert MicroCredential.objects.count() == 1

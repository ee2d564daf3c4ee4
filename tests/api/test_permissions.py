"""API permissions: a token acts only within its organisation and scopes; anonymous callers get nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from mc_lms_bridge.models import ApiToken, MicroCredential

API = "/api/v1/micro-credentials/"
pytestmark = pytest.mark.django_db


def test_other_organisation_cannot_see_or_touch_the_catalogue(api_b, published):
    assert api_b.get(API).json()["results"] == []
    assert api_b.get(f"{API}{published}/").status_code == 404
    assert api_b.patch(f"{API}{published}/", {"qa_body": "hijack"}).status_code == 404
    for action in ("submit", "publish", "retire", "withdraw"):
        assert api_b.post(f"{API}{published}/{action}/").status_code == 404
    assert api_b.get(f"{API}{published}/versions/").status_code == 404
    assert MicroCredential.objects.get(pk=published).published_version().qa_body == "QA Agency"


def test_token_cannot_create_for_another_organisation(api_a, org_b, complete_payload):
    response = api_a.post(API, {**complete_payload, "organisation": org_b.slug})
    assert response.status_code == 400
    assert "organisation" in response.json()["errors"]
    assert not MicroCredential.objects.filter(organisation=org_b).exists()


def test_other_organisation_cannot_tag_a_course_with_foreign_microcredential(api_b, published):
    response = api_b.post("/api/v1/course-tags/", {
        "microcredential": published, "platform": "moodle", "platform_instance": "https://m.example",
        "course_id": "42"})
    assert response.status_code == 400
    assert "microcredential" in response.json()["errors"]


def test_course_tags_are_scoped(api_a, api_b, published):
    created = api_a.post("/api/v1/course-tags/", {
        "microcredential": published, "platform": "moodle", "platform_instance": "https://m.example",
        "course_id": "42", "rule": "min_grade", "min_grade": "0.8"})
    assert created.status_code == 201, created.content
    tag_id = created.json()["id"]
    assert api_b.get("/api/v1/course-tags/").json()["results"] == []
    assert api_b.delete(f"/api/v1/course-tags/{tag_id}/").status_code == 404
    assert api_a.get("/api/v1/course-tags/").json()["results"][0]["course_id"] == "42"


def test_missing_scope_is_forbidden(token_client, org_a, complete_payload):
    reader = token_client(org_a, scopes=["catalogue:read"])
    assert reader.get(API).status_code == 200
    response = reader.post(API, complete_payload)
    assert response.status_code == 403
    writer = token_client(org_a, scopes=["catalogue:read", "catalogue:write"])
    mc_id = writer.post(API, complete_payload).json()["id"]
    assert writer.post(f"{API}{mc_id}/submit/").status_code == 200
    assert writer.post(f"{API}{mc_id}/publish/").status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer mcb_unknown", "Bearer", "Basic abc", "Bearer a b"])
def test_unauthenticated_or_bad_token_is_refused(client, header, org_a):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get(API, **extra)
    assert response.status_code in (401, 403)
    assert "detail" in response.json()


def test_revoked_token_is_refused(client, org_a):
    token, raw = ApiToken.objects.create_token(organisation=org_a, name="old")
    token.revoke()
    response = client.get(API, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401


def test_token_secret_is_stored_only_as_hash(org_a):
    token, raw = ApiToken.objects.create_token(organisation=org_a, name="t")
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert raw not in str(stored)


def test_organisations_are_created_by_staff_only(api_a, client):
    payload = {"slug": "new-org", "legal_name": {"en": "New"}, "legal_identifier": "X1", "country": "DE"}
    assert api_a.post("/api/v1/organisations/", payload).status_code == 403
    get_user_model().objects.create_user("admin", password="pw", is_staff=True)
    client.login(username="admin", password="pw")
    response = client.post("/api/v1/organisations/", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert api_a.get("/api/v1/organisations/new-org/").json()["country"] == "DE"


def test_staff_session_must_name_the_organisation(client, org_a, complete_payload):
    get_user_model().objects.create_user("admin", password="pw", is_staff=True)
    client.login(username="admin", password="pw")
    response = client.post(API, complete_payload, content_type="application/json")
    assert response.status_code == 400 and "organisation" in response.json()["errors"]
    response = client.post(API, {**complete_payload, "organisation": org_a.slug}, content_type="application/json")
    assert response.status_code == 201


def test_vocabularies_are_public(client):
    response = client.get("/api/v1/vocabularies/participation_mode/")
    assert response.status_code == 200
    codes = {c["code"]: c["uri"] for c in response.json()["concepts"]}
    assert codes["online"] == "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
    assert client.get("/api/v1/vocabularies/nope/").status_code == 404


def test_token_last_use_is_recorded_to_the_minute_without_a_write_per_request(token_client, org_a):
    from datetime import timedelta

    from mc_lms_bridge.api.authentication import LAST_USED_PRECISION

    api = token_client(org_a)
    token = ApiToken.objects.get(organisation=org_a)
    assert token.last_used_at is None
    assert api.get(API).status_code == 200
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    assert api.get(API).status_code == 200
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first  # within the precision: not rewritten
    stale = first - LAST_USED_PRECISION - timedelta(seconds=1)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=stale)
    assert api.get(API).status_code == 200
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first

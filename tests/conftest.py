"""Shared fixtures: organisations, tokens, API clients and complete micro-credential payloads."""

from __future__ import annotations

import copy
import json

import pytest

COMPLETE_PAYLOAD = {
    "slug": "data-literacy",
    "title": {"en": "Data Literacy", "fr": "Littératie des données"},
    "description": {"en": "Reading and presenting data."},
    "languages": ["en", "fr"],
    "learning_outcomes": [
        {"text": {"en": "Develop digital content from data."},
         "esco_skill_uri": "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a"},
        {"text": {"en": "Communicate findings to a target community."}},
    ],
    "ects_credits": "5.00",
    "workload_hours": 130,
    "eqf_level": "5",
    "assessment_type": "project-work",
    "participation_mode": "online",
    "learning_setting": "non-formal",
    "qa_type": "programme",
    "qa_body": "QA Agency",
    "qa_url": "https://qa.example/report",
    "supervision": "supervised-with-id-verification",
    "grading_scheme": {"en": "0-10, 6 passes"},
}


@pytest.fixture
def complete_payload():
    return copy.deepcopy(COMPLETE_PAYLOAD)


@pytest.fixture
def make_organisation(db):
    from mc_lms_bridge.models import Organisation

    def make(slug="univ-a", country="BE", **extra):
        return Organisation.objects.create(
            slug=slug, legal_name={"en": f"University {slug}"}, legal_identifier=f"ID-{slug}", country=country,
            **extra)
    return make


class JsonClient:
    """Django test client speaking JSON with a bearer token."""

    def __init__(self, client, raw_token=None):
        self.client = client
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw_token}"} if raw_token else {}

    def call(self, method, path, payload=None, raw_body=None, **extra):
        body = raw_body if raw_body is not None else (json.dumps(payload) if payload is not None else None)
        return getattr(self.client, method)(path, data=body, content_type="application/json",
                                            **self.headers, **extra)

    def get(self, path, **extra):
        return self.client.get(path, **self.headers, **extra)

    def post(self, path, payload=None, **kw):
        return self.call("post", path, payload, **kw)

    def patch(self, path, payload=None, **kw):
        return self.call("patch", path, payload, **kw)

    def delete(self, path, **kw):
        return self.call("delete", path, **kw)


@pytest.fixture
def token_client(client, db):
    """Factory: a JSON client authenticated with a fresh token of the given organisation."""
    from mc_lms_bridge.models import ApiToken

    def make(organisation, scopes=None):
        _, raw = ApiToken.objects.create_token(organisation=organisation, name="test", scopes=scopes)
        return JsonClient(client, raw)
    return make


@pytest.fixture
def org_a(make_organisation):
    return make_organisation("univ-a")


@pytest.fixture
def org_b(make_organisation):
    return make_organisation("univ-b", country="FR")


@pytest.fixture
def api_a(token_client, org_a):
    return token_client(org_a)


@pytest.fixture
def api_b(token_client, org_b):
    return token_client(org_b)


@pytest.fixture
def published(api_a, complete_payload):
    """A micro-credential of org A, published through the API; returns its id."""
    created = api_a.post("/api/v1/micro-credentials/", complete_payload)
    assert created.status_code == 201, created.content
    mc_id = created.json()["id"]
    assert api_a.post(f"/api/v1/micro-credentials/{mc_id}/submit/").status_code == 200
    assert api_a.post(f"/api/v1/micro-credentials/{mc_id}/publish/").status_code == 200
    return mc_id


@pytest.fixture
def version(published):
    """The published version of ``published``."""
    from mc_lms_bridge.models import MicroCredentialVersion

    return MicroCredentialVersion.objects.select_related("microcredential__organisation").get(
        microcredential_id=published, status="published")


@pytest.fixture
def learner(db):
    from mc_lms_bridge.models import Learner

    return Learner.objects.create(given_name="Ana", family_name="Andromeda", email="ana@example.org",
                                  email_verified=True)

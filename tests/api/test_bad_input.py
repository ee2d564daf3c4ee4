"""Bad input gets a 4xx with field-level messages, never a 500, and never creates or duplicates data."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mc_lms_bridge.models import MicroCredential, MicroCredentialVersion

API = "/api/v1/micro-credentials/"
pytestmark = pytest.mark.django_db

VOCABULARY_FIELDS = ["eqf_level", "nqf_level", "assessment_type", "participation_mode", "learning_setting",
                     "qa_type", "supervision"]


@pytest.mark.parametrize("field", VOCABULARY_FIELDS)
def test_every_vocabulary_field_rejects_unknown_values(api_a, complete_payload, field):
    response = api_a.post(API, {**complete_payload, field: "not-a-code"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert "not-a-code" in errors[field][0] and "vocabulary" in errors[field][0]
    assert MicroCredential.objects.count() == 0


def test_languages_and_language_map_keys_are_checked(api_a, complete_payload):
    response = api_a.post(API, {**complete_payload, "languages": ["en", "xx"]})
    assert response.status_code == 400 and "languages" in response.json()["errors"]
    response = api_a.post(API, {**complete_payload, "title": {"english": "x"}})
    assert response.status_code == 400 and "title" in response.json()["errors"]


def test_organisation_country_rejects_unknown_value(client, django_user_model):
    django_user_model.objects.create_user("admin", password="pw", is_staff=True)
    client.login(username="admin", password="pw")
    response = client.post("/api/v1/organisations/", {
        "slug": "x", "legal_name": {"en": "X"}, "legal_identifier": "1", "country": "ZZ"},
        content_type="application/json")
    assert response.status_code == 400 and "country" in response.json()["errors"]


@pytest.mark.parametrize("model_field", VOCABULARY_FIELDS)
def test_model_validation_rejects_unknown_vocabulary_values(published, model_field):
    from django.core.exceptions import ValidationError

    version = MicroCredentialVersion(microcredential_id=published, version=9, title={"en": "t"})
    setattr(version, model_field, "bogus")
    with pytest.raises(ValidationError) as excinfo:
        version.full_clean()
    assert model_field in excinfo.value.message_dict


@pytest.mark.parametrize(("body", "words"), [
    ("{not json", "Malformed JSON"),
    ('{"title": NaN}', "Malformed JSON"),
    ("[1, 2", "Malformed JSON"),
    ("\xff\xfe", "UTF-8"),
    ("[" * 100 + "]" * 100, "nested"),
    ('{"slug": "a\\u0000b"}', "NUL"),
    ('{"title": {"en\\u0000": "x"}}', "NUL"),
])
def test_malformed_json_gets_a_clear_400(api_a, body, words):
    raw = body.encode("latin-1") if body.startswith("\xff") else body
    response = api_a.post(API, raw_body=raw)
    assert response.status_code == 400
    assert words in response.json()["detail"]


@pytest.mark.parametrize(("field", "value"), [
    ("ects_credits", "five"), ("ects_credits", -1), ("workload_hours", "many"), ("workload_hours", 1.5),
    ("title", "just a string"), ("title", {"en": ""}), ("languages", "en"), ("learning_outcomes", {"a": 1}),
    ("learning_outcomes", [{"text": {"en": "ok"}, "esco_skill_uri": "http://example.com/skill"}]),
    ("qa_url", "not a url"), ("valid_for_days", 0), ("stackability", "sometimes"), ("slug", "Bad Slug!"),
])
def test_wrong_types_get_field_errors(api_a, complete_payload, field, value):
    response = api_a.post(API, {**complete_payload, field: value})
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert MicroCredential.objects.count() == 0


def test_unknown_fields_are_refused(api_a, complete_payload):
    response = api_a.post(API, {**complete_payload, "eqf": "5"})
    assert response.status_code == 400
    assert "eqf" in response.json()["errors"]


def test_oversized_payload_is_413(api_a, complete_payload, settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "MAX_REQUEST_BYTES": 4096}
    response = api_a.post(API, {**complete_payload, "description": {"en": "x" * 5000}})
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]
    assert MicroCredential.objects.count() == 0


def test_too_many_learning_outcomes_refused(api_a, complete_payload):
    complete_payload["learning_outcomes"] = [{"text": {"en": f"o{i}"}} for i in range(51)]
    response = api_a.post(API, complete_payload)
    assert response.status_code == 400 and "learning_outcomes" in response.json()["errors"]


def test_min_grade_rule_needs_a_min_grade(api_a, published):
    response = api_a.post("/api/v1/course-tags/", {
        "microcredential": published, "platform": "openedx", "platform_instance": "https://lms.example",
        "course_id": "course-v1:X+Y+Z", "rule": "min_grade"})
    assert response.status_code == 400 and "min_grade" in response.json()["errors"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.dictionaries(
    st.sampled_from(["slug", "title", "languages", "learning_outcomes", "ects_credits", "eqf_level",
                     "workload_hours", "awarding_bodies", "qa_url", "description", "isced_f_codes", "nqf_level",
                     "x"]), json_values, max_size=6))
def test_random_payloads_never_cause_a_server_error(api_a, payload):
    for method, path in (("post", API), ("post", "/api/v1/course-tags/")):
        response = api_a.call(method, path, raw_body=json.dumps(payload))
        assert response.status_code < 500, (payload, response.content)

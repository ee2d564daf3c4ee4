"""The OpenAPI schema is served, valid, and documents every API route."""

from __future__ import annotations

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


def test_schema_is_served_and_valid(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    paths = set(schema["paths"])
    for expected in ("/api/v1/micro-credentials/", "/api/v1/micro-credentials/{id}/publish/",
                     "/api/v1/micro-credentials/{id}/versions/", "/api/v1/course-tags/",
                     "/api/v1/organisations/", "/api/v1/vocabularies/{name}/"):
        assert expected in paths
    assert "ApiToken" in schema["components"]["securitySchemes"]
    mode = schema["components"]["schemas"]["ParticipationModeEnum"]["enum"]
    assert "online" in mode and "blended" in mode
    content = schema["components"]["schemas"]["PatchedVersionContentRequest"]["properties"]
    assert content["isced_f_codes"]["items"] == {"$ref": "#/components/schemas/IscedFCodesEnum"}
    assert "0613" in schema["components"]["schemas"]["IscedFCodesEnum"]["enum"]
    assert "c_c392e7a2" in schema["components"]["schemas"]["NqfLevelEnum"]["enum"]

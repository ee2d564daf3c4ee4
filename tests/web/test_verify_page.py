"""The verify page: paste or upload any credential, every check in plain words, size limit, safe output."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mc_lms_bridge.models import CredentialFormat
from mc_lms_bridge.web.forms import MAX_UPLOAD_BYTES

from .conftest import award_and_issue

pytestmark = pytest.mark.django_db


def test_form_has_labels_and_csp(client, db):
    response = client.get("/verify")
    html = response.content.decode()
    assert '<label for="id_credential">' in html and '<label for="id_upload">' in html
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("credential_format", [CredentialFormat.OB3_DATA_INTEGRITY, CredentialFormat.OB3_JWT,
                                               CredentialFormat.EDC_JADES])
def test_pasted_credentials_verify(client, issued, credential_format):
    response = client.post("/verify", {"credential": issued[credential_format].payload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Authentic and valid" in html and "✓" in html and "failed)" not in html


@pytest.mark.parametrize("kind,name", [("badge.png", "badge.png"), ("badge.svg", "badge.svg"),
                                       ("edc.json", "edc.json"), ("ob3.jwt", "ob3.jwt")])
def test_uploaded_files_and_baked_images_verify(client, page_id, kind, name):
    content = client.get(f"/c/{page_id}/{kind}").content
    response = client.post("/verify", {"upload": SimpleUploadedFile(name, content)})
    assert "Authentic and valid" in response.content.decode()


def test_tampered_credential_fails_in_plain_words(client, issued):
    text = issued[CredentialFormat.OB3_DATA_INTEGRITY].payload.replace("Data Literacy", "Data Literacy PhD")
    html = client.post("/verify", {"credential": text}).content.decode()
    assert "Not verified" in html and "(failed)" in html


def test_revoked_credential_is_reported(client, issued, revoke):
    revoke(issued[CredentialFormat.OB3_DATA_INTEGRITY])
    html = client.post("/verify", {"credential": issued[CredentialFormat.OB3_JWT].payload}).content.decode()
    assert "Revoked by the issuer" in html


def test_upload_size_limit(client, db):
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * MAX_UPLOAD_BYTES)
    response = client.post("/verify", {"upload": big})
    assert response.status_code == 400 and "too large" in response.content.decode()


def test_pasted_text_size_limit(client, db, settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "MAX_REQUEST_BYTES": 1000}
    response = client.post("/verify", {"credential": "x" * 1001})
    assert response.status_code == 400 and "too large" in response.content.decode()


def test_garbage_is_a_plain_problem(client, db):
    response = client.post("/verify", {"credential": "hello"})
    assert response.status_code == 400 and "Result" in response.content.decode()


def test_template_and_script_injection_render_as_text(client, api_a, complete_payload, learner):
    from mc_lms_bridge.models import MicroCredentialVersion

    complete_payload.update(slug="evil", title={"en": "{{ 7*7 }} <script>alert(1)</script>"})
    created = api_a.post("/api/v1/micro-credentials/", complete_payload).json()
    assert api_a.post(f"/api/v1/micro-credentials/{created['id']}/submit/").status_code == 200
    assert api_a.post(f"/api/v1/micro-credentials/{created['id']}/publish/").status_code == 200
    version = MicroCredentialVersion.objects.get(microcredential_id=created["id"], status="published")
    issued = award_and_issue(version, learner)
    pages = [client.post("/verify", {"credential": issued[CredentialFormat.OB3_JWT].payload}).content.decode(),
             client.get(f"/c/{issued[CredentialFormat.OB3_DATA_INTEGRITY].pk}").content.decode()]
    for html in pages:
        assert "{{ 7*7 }} &lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)" not in html and "49 " not in html

"""Downloads of a credential: media types, file names, baked images that verify, same visibility as the page."""

from __future__ import annotations

import json

import pytest

from mc_lms_bridge.baking import unbake_png, unbake_svg
from mc_lms_bridge.crypto.jades import extract_payload
from mc_lms_bridge.models import CredentialFormat
from mc_lms_bridge.verification.service import verify_any
from mc_lms_bridge.web.lookup import set_public

pytestmark = pytest.mark.django_db

EXPECTED = {
    "ob3.json": "application/vc+ld+json", "ob3.jwt": "application/jwt", "badge.png": "image/png",
    "badge.svg": "image/svg+xml", "edc.json": "application/jose+json", "edc.jsonld": "application/ld+json",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_download_has_type_and_attachment_name(client, page_id, kind):
    response = client.get(f"/c/{page_id}/{kind}?download=1")
    assert response.status_code == 200
    assert response["Content-Type"] == EXPECTED[kind]
    assert response["Content-Disposition"] == f'attachment; filename="credential-{page_id}-{kind}"'


def test_files_are_the_exact_signed_credentials(client, issued, page_id):
    assert client.get(f"/c/{page_id}/ob3.json").content.decode() == issued[CredentialFormat.OB3_DATA_INTEGRITY].payload
    assert client.get(f"/c/{page_id}/ob3.jwt").content.decode() == issued[CredentialFormat.OB3_JWT].payload
    sealed = issued[CredentialFormat.EDC_JADES].payload
    assert client.get(f"/c/{page_id}/edc.json").content.decode() == sealed
    jsonld = json.loads(client.get(f"/c/{page_id}/edc.jsonld").content)
    assert jsonld == json.loads(extract_payload(json.loads(sealed)))


def test_baked_badges_carry_the_verifiable_credential(client, issued, page_id):
    png = client.get(f"/c/{page_id}/badge.png").content
    assert client.get(f"/c/{page_id}/badge.png")["Content-Disposition"].startswith("inline")
    text = unbake_png(png).text
    assert text == issued[CredentialFormat.OB3_DATA_INTEGRITY].payload
    assert verify_any(text)["verified"]
    svg = client.get(f"/c/{page_id}/badge.svg").content.decode()
    assert verify_any(unbake_svg(svg).text)["verified"]


def test_unknown_kind_is_404(client, page_id):
    assert client.get(f"/c/{page_id}/secret.txt").status_code == 404


def test_private_page_and_files_are_404_to_others_but_visible_to_the_learner(client, issued, page_id, learner):
    set_public(issued[CredentialFormat.OB3_DATA_INTEGRITY].award, False)
    for path in (f"/c/{page_id}", f"/c/{page_id}/ob3.json", f"/c/{page_id}/badge.png", f"/c/{page_id}/qr.svg"):
        assert client.get(path).status_code == 404, path
    from mc_lms_bridge.web.sign_in import create_link

    client.post(create_link(learner))
    response = client.get(f"/c/{page_id}")
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert client.get(f"/c/{page_id}/ob3.json").status_code == 200

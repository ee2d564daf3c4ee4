"""The public credential page: who, what, from whom, every EU element, live verification, meta tags, CSP."""

from __future__ import annotations

import re

import pytest

from mc_lms_bridge.models import CredentialFormat

pytestmark = pytest.mark.django_db


def test_page_shows_who_what_whom_elements_and_verification(client, page_id):
    response = client.get(f"/c/{page_id}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ana Andromeda" in html and "Data Literacy" in html and "University univ-a" in html
    for label in ("EQF level", "Credits (ECTS)", "Notional workload", "Type of assessment", "Form of participation",
                  "Quality assurance", "Supervision and identity verification", "Grading scheme", "Learning outcomes"):
        assert label in html, label
    assert "Develop digital content from data." in html and "130 hours" in html
    assert html.count("Authentic and valid") == 3  # Data Integrity, VC-JWT and the Europass seal
    assert "revoked" not in html.lower().split("<main")[1].split("verification")[0]


def test_meta_tags_point_at_the_page_and_the_badge(client, page_id):
    html = client.get(f"/c/{page_id}").content.decode()
    page = f"https://credentials.example.eu/c/{page_id}"
    assert f'<meta property="og:url" content="{page}">' in html
    assert f'<meta property="og:image" content="{page}/badge.png">' in html
    assert '<meta property="og:title" content="Data Literacy — University univ-a">' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_csp_and_no_external_resources(client, page_id):
    response = client.get(f"/c/{page_id}")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    html = response.content.decode()
    loaded = re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html)
    loaded += re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html)
    assert len(loaded) >= 4 and all(source.startswith("/") and not source.startswith("//") for source in loaded)


def test_any_format_uuid_opens_the_same_award(client, issued, page_id):
    jwt_id = issued[CredentialFormat.OB3_JWT].pk
    html = client.get(f"/c/{jwt_id}").content.decode()
    assert f'<link rel="canonical" href="https://credentials.example.eu/c/{page_id}">' in html


def test_unknown_credential_is_404(client, db):
    assert client.get("/c/00000000-0000-4000-8000-000000000000").status_code == 404


def test_revoked_credential_says_so_plainly(client, issued, page_id, revoke):
    revoke(issued[CredentialFormat.OB3_DATA_INTEGRITY])
    html = client.get(f"/c/{page_id}").content.decode()
    assert 'role="alert"' in html and "This credential has been revoked." in html
    assert "Revoked by the issuer" in html
    assert "linkedin-add" not in html


def test_verification_is_cached_until_the_status_list_changes(client, issued, page_id, revoke,
                                                              django_assert_max_num_queries):
    client.get(f"/c/{page_id}")
    with django_assert_max_num_queries(12):
        assert client.get(f"/c/{page_id}").status_code == 200
    revoke(issued[CredentialFormat.OB3_DATA_INTEGRITY])
    html = client.get(f"/c/{page_id}").content.decode()
    assert html.count("Revoked by the issuer") == 3


def test_french_interface_and_content(client, page_id):
    response = client.get(f"/c/{page_id}?lang=fr")
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Littératie des données" in html
    assert "Vérification" in html
    assert response.cookies["django_language"].value == "fr"
    assert '<html lang="fr">' in client.get(f"/c/{page_id}").content.decode()  # remembered


def test_qr_code_is_local_svg(client, page_id):
    response = client.get(f"/c/{page_id}/qr.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


def linkedin_params(html: str, element_id: str) -> tuple[str, list[tuple[str, str]]]:
    from html import unescape
    from urllib.parse import parse_qsl, urlsplit

    href = unescape(re.search(rf'id="{element_id}" href="([^"]+)"', html).group(1))
    parts = urlsplit(href)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", parse_qsl(parts.query)


def test_linkedin_add_to_profile_uses_organisation_name_then_id(client, page_id, issued, version):
    html = client.get(f"/c/{page_id}").content.decode()
    base, params = linkedin_params(html, "linkedin-add")
    issued_at = issued[CredentialFormat.OB3_DATA_INTEGRITY].issued_at
    assert base == "https://www.linkedin.com/profile/add"
    assert params == [("startTask", "CERTIFICATION_NAME"), ("name", "Data Literacy"),
                      ("organizationName", "University univ-a"), ("issueYear", str(issued_at.year)),
                      ("issueMonth", str(issued_at.month)),
                      ("certUrl", f"https://credentials.example.eu/c/{page_id}"), ("certId", str(page_id))]
    organisation = version.microcredential.organisation
    organisation.linkedin_organization_id = "1337"
    organisation.save()
    _, params = linkedin_params(client.get(f"/c/{page_id}").content.decode(), "linkedin-add")
    assert ("organizationId", "1337") in params and all(k != "organizationName" for k, _ in params)
    base, params = linkedin_params(html, "linkedin-share")
    assert base == "https://www.linkedin.com/sharing/share-offsite/"
    assert params == [("url", f"https://credentials.example.eu/c/{page_id}")]

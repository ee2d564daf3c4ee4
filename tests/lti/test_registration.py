"""LTI Dynamic Registration against a spec-following platform served over HTTP on 127.0.0.1 (Moodle's rules)."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.utils import timezone
from lti_platforms import hidden_fields

from lti.models import LtiPlatform, LtiRegistrationInvite

TOKEN = "reg-token-123"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
TOOL_CONFIG = "https://purl.imsglobal.org/spec/lti-tool-configuration"


def openid_configuration(base: str, **changes) -> dict:
    config = {
        "issuer": base, "authorization_endpoint": f"{base}/mod/lti/auth.php",
        "token_endpoint": f"{base}/mod/lti/token.php", "jwks_uri": f"{base}/mod/lti/certs.php",
        "registration_endpoint": f"{base}/mod/lti/openid-registration.php",
        "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", NRPS, SCORE, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"],
        "response_types_supported": ["id_token"], "subject_types_supported": ["public", "pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"], "claims_supported": ["sub", "iss", "name", "email"],
        "https://purl.imsglobal.org/spec/lti-platform-configuration": {
            "product_family_code": "moodle", "version": "4.5",
            "messages_supported": [{"type": "LtiResourceLinkRequest"},
                                   {"type": "LtiDeepLinkingRequest", "placements": ["ContentArea"]}]},
    }
    config.update(changes)
    return {key: value for key, value in config.items() if value is not None}


def registration_problems(body: dict) -> list[str]:
    """What a platform following LTI DR 3.6 and Moodle's registration helper would refuse."""
    problems = []
    tool = body.get(TOOL_CONFIG, {})
    domain, target = tool.get("domain"), tool.get("target_link_uri", "")
    checks = {
        "application_type": body.get("application_type") == "web",
        "response_types": "id_token" in body.get("response_types", []),
        "grant_types": {"implicit", "client_credentials"} <= set(body.get("grant_types", [])),
        "token_endpoint_auth_method": body.get("token_endpoint_auth_method") == "private_key_jwt",
        "jwks_uri": bool(body.get("jwks_uri")), "client_name": bool(body.get("client_name")),
        "domain": bool(domain) and urlsplit(target).netloc == domain,
        "initiate_login_uri": urlsplit(body.get("initiate_login_uri", "")).netloc == domain,
        "redirect_uris": bool(body.get("redirect_uris")) and all(
            urlsplit(uri).netloc == domain for uri in body["redirect_uris"]) and target in body["redirect_uris"],
        "claims": {"name", "email", "sub", "iss"} <= set(tool.get("claims", [])),
        "messages": {"LtiDeepLinkingRequest", "LtiResourceLinkRequest"} <= {
            m.get("type") for m in tool.get("messages", [])},
        "scope": {NRPS, SCORE} <= set(body.get("scope", "").split()),
    }
    problems.extend(name for name, ok in checks.items() if not ok)
    return problems


@pytest.fixture
def platform(spec_server, settings):
    """A Moodle-like platform: OpenID configuration, registration endpoint requiring the registration token."""
    settings.MC_LTI = {"REGISTRATION_ALLOW_HTTP": True}
    spec_server.config = openid_configuration(spec_server.base)

    def register(request):
        if request.bearer() != TOKEN:
            return 401, {}, {"error": "invalid_token"}
        body = request.json()
        if registration_problems(body):
            return 400, {}, {"error": "invalid_client_metadata"}
        tool = {**body[TOOL_CONFIG], "deployment_id": "17"}
        return 200, {}, {**body, "client_id": "moodle-dr-client", TOOL_CONFIG: tool}

    spec_server.routes[("GET", "/.well-known/openid-configuration")] = lambda r: (200, {}, spec_server.config)
    spec_server.routes[("POST", "/mod/lti/openid-registration.php")] = register
    return spec_server


@pytest.fixture
def invite(org_a):
    return LtiRegistrationInvite.objects.create(organisation=org_a, expires_at=timezone.now() + timedelta(days=1))


def _start(client, platform, path, **params):
    query = {"openid_configuration": platform.url("/.well-known/openid-configuration"), **params}
    return client.get(path, {key: value for key, value in query.items() if value is not None})


def test_invited_registration_end_to_end(client, platform, invite, org_a):
    page = _start(client, platform, f"/lti/register/{invite.token}/", registration_token=TOKEN)
    assert page.status_code == 200, page.content
    assert "moodle" in page.content.decode() and platform.base in page["Content-Security-Policy"]
    fields = hidden_fields(page.content.decode())
    assert fields["registration_token"] == TOKEN
    assert platform.requests_to("/.well-known/openid-configuration")[0].bearer() == TOKEN
    assert not platform.requests_to("/mod/lti/openid-registration.php")  # nothing registered before confirming

    done = client.post(f"/lti/register/{invite.token}/", fields)
    assert done.status_code == 200, done.content
    assert "lti/close.js" in done.content.decode()
    posted = platform.requests_to("/mod/lti/openid-registration.php")
    assert len(posted) == 1 and posted[0].bearer() == TOKEN
    body = posted[0].json()
    assert registration_problems(body) == []
    assert body["initiate_login_uri"] == "http://testserver/lti/login/"
    assert body["redirect_uris"] == ["http://testserver/lti/launch/"]
    assert body["jwks_uri"] == "http://testserver/lti/jwks/"
    assert body[TOOL_CONFIG]["domain"] == "testserver"
    assert "result.readonly" not in body["scope"]  # the platform does not offer it

    record = LtiPlatform.objects.get()
    assert (record.issuer, record.client_id, record.organisation) == (platform.base, "moodle-dr-client", org_a)
    assert record.auth_login_url == platform.url("/mod/lti/auth.php")
    assert record.auth_token_url == platform.url("/mod/lti/token.php")
    assert record.jwks_url == platform.url("/mod/lti/certs.php") and record.family_code == "moodle"
    assert [d.deployment_id for d in record.deployments.all()] == ["17"]
    invite.refresh_from_db()
    assert invite.used_at is not None and invite.platform == record

    again = client.post(f"/lti/register/{invite.token}/", fields)
    assert again.status_code == 403 and b"invalid_invite" in again.content
    assert LtiPlatform.objects.count() == 1


def test_close_script_posts_the_spec_message():
    from pathlib import Path

    import lti

    script = (Path(lti.__file__).parent / "static/lti/close.js").read_text()
    assert 'postMessage({subject: "org.imsglobal.lti.close"}, "*")' in script
    assert "window.opener || window.parent" in script


def test_invite_in_the_query_string(client, platform, invite):
    page = _start(client, platform, "/lti/register/", invite=invite.token, registration_token=TOKEN)
    assert page.status_code == 200
    done = client.post("/lti/register/", hidden_fields(page.content.decode()))
    assert done.status_code == 200 and LtiPlatform.objects.get().client_id == "moodle-dr-client"


def test_staff_user_registers_with_csrf_protection(platform, org_a):
    user = User.objects.create_user("admin-lti", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_ltiplatform"))
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    page = _start(browser, platform, "/lti/register/", organisation=org_a.slug, registration_token=TOKEN)
    assert page.status_code == 200, page.content
    fields = hidden_fields(page.content.decode())
    assert "csrfmiddlewaretoken" in fields
    forged = browser.post("/lti/register/", {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"})
    assert forged.status_code == 403 and not platform.requests_to("/mod/lti/openid-registration.php")
    done = browser.post("/lti/register/", fields)
    assert done.status_code == 200 and LtiPlatform.objects.get().organisation == org_a


def test_staff_without_the_permission_and_anonymous_users_are_refused(client, platform, org_a):
    assert _start(client, platform, "/lti/register/", registration_token=TOKEN).status_code == 403
    client.force_login(User.objects.create_user("staff-no-perm", is_staff=True))
    refused = _start(client, platform, "/lti/register/", organisation=org_a.slug, registration_token=TOKEN)
    assert refused.status_code == 403 and b"not_allowed" in refused.content
    assert platform.seen == []  # nothing fetched for an unauthorised visitor


def test_expired_or_unknown_invite_is_refused(client, platform, invite):
    invite.expires_at = timezone.now() - timedelta(seconds=1)
    invite.save()
    for path in (f"/lti/register/{invite.token}/", "/lti/register/not-a-token/"):
        response = _start(client, platform, path, registration_token=TOKEN)
        assert response.status_code == 403 and b"invalid_invite" in response.content
    assert platform.seen == []


def test_issuer_on_another_host_is_refused(client, platform, invite):
    platform.config = openid_configuration("https://moodle.example")
    response = _start(client, platform, f"/lti/register/{invite.token}/", registration_token=TOKEN)
    assert response.status_code == 400 and b"issuer_mismatch" in response.content
    assert not platform.requests_to("/mod/lti/openid-registration.php")


@pytest.mark.parametrize("changes", [
    {"https://purl.imsglobal.org/spec/lti-platform-configuration": None},
    {"token_endpoint_auth_methods_supported": ["client_secret_basic"]},
    {"response_types_supported": ["code"]},
    {"jwks_uri": "ftp://127.0.0.1/certs"},
    {"registration_endpoint": None},
])
def test_incomplete_configuration_is_refused(client, platform, invite, changes):
    platform.config = openid_configuration(platform.base, **changes)
    response = _start(client, platform, f"/lti/register/{invite.token}/", registration_token=TOKEN)
    assert response.status_code == 400 and b"bad_configuration" in response.content


def test_missing_registration_token_is_refused_by_the_platform(client, platform, invite):
    page = _start(client, platform, f"/lti/register/{invite.token}/")
    assert page.status_code == 200  # the token is optional in the spec; this platform requires it
    done = client.post(f"/lti/register/{invite.token}/", hidden_fields(page.content.decode()))
    assert done.status_code == 502 and b"HTTP 401" in done.content
    invite.refresh_from_db()
    assert LtiPlatform.objects.count() == 0 and invite.used_at is None


def test_platform_answering_4xx_leaves_nothing_behind(client, platform, invite):
    platform.routes[("POST", "/mod/lti/openid-registration.php")] = lambda r: (400, {}, {"error": "bad"})
    page = _start(client, platform, f"/lti/register/{invite.token}/", registration_token=TOKEN)
    done = client.post(f"/lti/register/{invite.token}/", hidden_fields(page.content.decode()))
    assert done.status_code == 502 and b"platform_error" in done.content
    assert LtiPlatform.objects.count() == 0


def test_answer_without_client_id_is_refused(client, platform, invite):
    platform.routes[("POST", "/mod/lti/openid-registration.php")] = lambda r: (200, {}, {"client_name": "x"})
    page = _start(client, platform, f"/lti/register/{invite.token}/", registration_token=TOKEN)
    done = client.post(f"/lti/register/{invite.token}/", hidden_fields(page.content.decode()))
    assert done.status_code == 502 and b"no client_id" in done.content


def test_plain_http_platforms_are_refused_by_default(client, platform, invite, settings):
    settings.MC_LTI = {}
    response = _start(client, platform, f"/lti/register/{invite.token}/", registration_token=TOKEN)
    assert response.status_code == 400 and platform.seen == []
    assert re.search(rb"https URL", response.content)

"""Refused launches and requests: each gets a 4xx page and one log line with a reason code and no personal data."""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from urllib.parse import urlsplit

import jwt
import pytest
from django.utils import timezone
from lti_platforms import INSTRUCTOR, LEARNER, new_private_pem, query_of, tamper_payload

from lti.models import LtiLaunch, LtiNonce

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
PERSONAL = ("moodle-user-9", "moodle-learner-1", "Ada", "ada@example.org", "S-123")


def assert_refused(response, caplog, reason, status):
    assert response.status_code == status, response.content
    assert f"Reason code: <code>{reason}</code>".encode() in response.content
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    lines = [record.getMessage() for record in caplog.records if record.name == "lti"]
    assert any(f"reason={reason} " in line for line in lines), lines
    for line in lines:
        assert not any(value in line for value in PERSONAL), line


@pytest.fixture(autouse=True)
def _capture(caplog):
    caplog.set_level(logging.WARNING, logger="lti")


def _auth_request(moodle, user_id="moodle-user-9"):
    return query_of(moodle.login(user_id)["Location"])


def _post(client, form):
    return client.post(urlsplit(form["launch_url"]).path, {"id_token": form["id_token"], "state": form["state"]})


def _signed(moodle, auth, pem=None, kid=None, **overrides):
    """An id_token built by hand (for what the platform libraries refuse to produce), signed with ``pem``."""
    now = int(time.time())
    claims = {
        "iss": moodle.issuer, "aud": moodle.client_id, "sub": "moodle-user-9", "iat": now, "exp": now + 300,
        "nonce": auth["nonce"], LTI + "deployment_id": moodle.deployment_id,
        LTI + "message_type": "LtiResourceLinkRequest", LTI + "version": "1.3.0", LTI + "roles": INSTRUCTOR,
        LTI + "context": {"id": "course-7"}, LTI + "resource_link": {"id": "r1"},
        LTI + "target_link_uri": "http://testserver/lti/launch/",
    }
    claims.update(overrides)
    headers = {"kid": kid} if kid else None
    return {"id_token": jwt.encode(claims, pem or moodle.private_pem, algorithm="RS256", headers=headers),
            "state": auth["state"], "launch_url": "http://testserver/lti/launch/"}


def test_tampered_payload_fails_the_signature(client, moodle, caplog):
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR)
    form["id_token"] = tamper_payload(form["id_token"], sub="someone-else")
    assert_refused(_post(client, form), caplog, "bad_signature", 403)
    assert not LtiLaunch.objects.exists()


def test_token_signed_by_another_key_is_refused(client, moodle, caplog):
    form = _signed(moodle, _auth_request(moodle), pem=new_private_pem())
    assert_refused(_post(client, form), caplog, "bad_signature", 403)


def test_unknown_kid_is_refused(client, moodle, caplog):
    form = _signed(moodle, _auth_request(moodle), kid="not-a-platform-key")
    assert_refused(_post(client, form), caplog, "unknown_key", 400)


@pytest.mark.parametrize("algorithm", ["HS256", "none"])
def test_non_rs256_tokens_are_refused(client, moodle, caplog, algorithm):
    auth = _auth_request(moodle)
    token = jwt.encode({"iss": moodle.issuer, "aud": moodle.client_id}, "k" * 32 if algorithm == "HS256" else None,
                       algorithm=algorithm)
    assert_refused(client.post("/lti/launch/", {"id_token": token, "state": auth["state"]}), caplog,
                   "bad_algorithm", 400)


def test_unknown_issuer_is_refused_at_login_and_launch(client, moodle, caplog):
    response = client.get("/lti/login/", {"iss": "https://evil.test", "login_hint": "x",
                                          "target_link_uri": "http://testserver/lti/launch/"})
    assert_refused(response, caplog, "unknown_issuer", 403)
    form = _signed(moodle, _auth_request(moodle), iss="https://evil.test")
    assert_refused(_post(client, form), caplog, "unknown_issuer", 403)


def test_unknown_client_id_is_refused(client, moodle, caplog):
    response = client.get("/lti/login/", {"iss": moodle.issuer, "client_id": "other", "login_hint": "x",
                                          "target_link_uri": "http://testserver/lti/launch/"})
    assert_refused(response, caplog, "unknown_client", 403)


def test_wrong_audience_is_refused(client, moodle, caplog):
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR,
                           mutate=lambda message: {**message, "aud": "another-tool"})
    assert_refused(_post(client, form), caplog, "unknown_client", 403)


def test_several_audiences_need_the_right_azp(client, moodle, caplog):
    form = _signed(moodle, _auth_request(moodle), aud=[moodle.client_id, "other"])
    assert_refused(_post(client, form), caplog, "missing_azp", 400)
    form = _signed(moodle, _auth_request(moodle), aud=[moodle.client_id, "other"], azp="other")
    assert_refused(_post(client, form), caplog, "wrong_azp", 400)


def test_unknown_deployment_is_refused_at_login_and_launch(client, moodle, caplog):
    response = client.get("/lti/login/", {"iss": moodle.issuer, "client_id": moodle.client_id, "login_hint": "x",
                                          "lti_deployment_id": "99",
                                          "target_link_uri": "http://testserver/lti/launch/"})
    assert_refused(response, caplog, "unknown_deployment", 403)
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR,
                           mutate=lambda message: {**message, LTI + "deployment_id": "99"})
    assert_refused(_post(client, form), caplog, "unknown_deployment", 403)


def test_deactivated_deployment_is_refused(client, moodle, caplog):
    auth = _auth_request(moodle)
    moodle.record.deployments.update(active=False)
    form = moodle.id_token(auth, user_id="moodle-user-9", roles=INSTRUCTOR)
    assert_refused(_post(client, form), caplog, "unknown_deployment", 403)


def test_replayed_launch_is_refused(client, moodle, caplog):
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR)
    assert _post(client, form).status_code == 303
    assert_refused(_post(client, form), caplog, "replayed_nonce", 403)
    assert LtiLaunch.objects.count() == 1


def test_token_of_another_login_is_refused(client, moodle, caplog):
    first, second = _auth_request(moodle), _auth_request(moodle)
    form = moodle.id_token(first, user_id="moodle-user-9", roles=INSTRUCTOR)
    form["state"] = second["state"]
    assert_refused(_post(client, form), caplog, "nonce_mismatch", 403)


def test_unknown_and_expired_states_are_refused(client, moodle, caplog):
    auth = _auth_request(moodle)
    form = moodle.id_token(auth, user_id="moodle-user-9", roles=INSTRUCTOR)
    assert_refused(_post(client, {**form, "state": "forged"}), caplog, "unknown_state", 400)
    LtiNonce.objects.filter(state=auth["state"]).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_refused(_post(client, form), caplog, "expired_state", 400)


def test_expired_token_is_refused(client, moodle, caplog):
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR, expiration=-300)
    assert_refused(_post(client, form), caplog, "expired_token", 400)


def test_token_issued_in_the_future_is_refused(client, moodle, caplog):
    form = _signed(moodle, _auth_request(moodle), iat=int(time.time()) + 3600, exp=int(time.time()) + 7200)
    assert_refused(_post(client, form), caplog, "token_from_future", 400)


@pytest.mark.parametrize("claim", ["sub", LTI + "roles", LTI + "context", LTI + "resource_link",
                                   LTI + "deployment_id", LTI + "target_link_uri"])
def test_missing_required_claims_are_refused(client, moodle, caplog, claim):
    def drop(message):
        return {name: value for name, value in message.items() if name != claim}
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR, mutate=drop)
    assert_refused(_post(client, form), caplog, "missing_claim", 400)


def test_missing_nonce_is_refused(client, moodle, caplog):
    form = _signed(moodle, _auth_request(moodle))
    claims = jwt.decode(form["id_token"], options={"verify_signature": False})
    del claims["nonce"]
    form["id_token"] = jwt.encode(claims, moodle.private_pem, algorithm="RS256")
    assert_refused(_post(client, form), caplog, "missing_claim", 400)


def test_wrong_message_type_and_version_are_refused(client, moodle, caplog):
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR,
                           mutate=lambda message: {**message, LTI + "message_type": "LtiSubmissionReviewRequest"})
    assert_refused(_post(client, form), caplog, "wrong_message_type", 400)
    form = moodle.id_token(_auth_request(moodle), user_id="moodle-user-9", roles=INSTRUCTOR,
                           mutate=lambda message: {**message, LTI + "version": "1.1"})
    assert_refused(_post(client, form), caplog, "wrong_version", 400)


def test_login_for_a_foreign_target_is_refused(client, moodle, caplog):
    response = client.get("/lti/login/", {"iss": moodle.issuer, "login_hint": "x",
                                          "target_link_uri": "https://evil.test/phish"})
    assert_refused(response, caplog, "foreign_target", 400)


def test_learner_cannot_use_instructor_views(client, moodle, caplog):
    moodle.launch("moodle-learner-1", LEARNER)
    launch_id = LtiLaunch.objects.get().launch_id
    assert_refused(client.get("/lti/course/", {"launch": launch_id}), caplog, "role_forbidden", 403)
    assert_refused(client.post("/lti/course/", {"launch": launch_id, "action": "publish", "title": "Hijack"}),
                   caplog, "role_forbidden", 403)
    assert_refused(client.post("/lti/course/awards/", {"launch": launch_id, "award": "x", "action": "revoke"}),
                   caplog, "role_forbidden", 403)
    assert_refused(client.post("/lti/deep-linking/", {"launch": launch_id}), caplog, "role_forbidden", 403)
    from mc_lms_bridge.models import MicroCredential
    assert not MicroCredential.objects.exists()


def test_learner_deep_linking_launch_is_refused(client, moodle, caplog):
    response = moodle.launch("moodle-learner-1", LEARNER, deep_linking=True)
    assert_refused(response, caplog, "role_forbidden", 403)


def test_expired_launch_is_refused(client, moodle, caplog):
    moodle.launch()
    launch = LtiLaunch.objects.get()
    LtiLaunch.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_refused(client.get("/lti/course/", {"launch": launch.launch_id}), caplog, "expired_launch", 403)

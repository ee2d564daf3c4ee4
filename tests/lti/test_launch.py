"""Launches from both platform libraries: login (GET and POST), validation, landing pages, framing headers."""

from __future__ import annotations

from lti_platforms import LEARNER, query_of

from lti.models import LtiLaunch, LtiNonce


def _follow(client, response):
    assert response.status_code == 303, response.content
    return client.get(response["Location"])


def test_moodle_login_get_redirects_to_platform_with_oidc_parameters(moodle):
    response = moodle.login("moodle-user-9")
    assert response.status_code == 302
    assert response["Location"].startswith(moodle.auth_url + "?")
    query = query_of(response["Location"])
    assert query["scope"] == "openid" and query["response_type"] == "id_token"
    assert query["response_mode"] == "form_post" and query["prompt"] == "none"
    assert query["client_id"] == moodle.client_id and query["login_hint"] == "moodle-user-9"
    assert query["redirect_uri"] == "http://testserver/lti/launch/"
    assert query["lti_message_hint"] == "resource-42"
    row = LtiNonce.objects.get(state=query["state"])
    assert row.nonce == query["nonce"] and row.used_at is None


def test_moodle_login_post_is_accepted_like_moodles_auto_submitted_form(moodle):
    response = moodle.login("moodle-user-9", method="post")
    assert response.status_code == 302
    assert query_of(response["Location"])["client_id"] == moodle.client_id


def test_moodle_instructor_launch_lands_on_the_course_page(client, moodle):
    response = moodle.launch()
    assert response["Location"].startswith("/lti/course/?launch=")
    launch = LtiLaunch.objects.get()
    assert launch.platform == moodle.record and launch.context_id == "course-7"
    assert launch.subject == "moodle-user-9" and launch.deployment.deployment_id == "3"
    page = _follow(client, response)
    assert page.status_code == 200
    assert b"Micro-credential of Data Literacy 101" in page.content
    assert page["Content-Security-Policy"] == "frame-ancestors 'self' https://moodle.test"
    assert "X-Frame-Options" not in page


def test_launch_keeps_no_personal_data(moodle):
    moodle.launch()
    launch = LtiLaunch.objects.get()
    stored = repr(launch.claims) + launch.context_title
    for personal in ("Ada", "ada@example.org", "S-123", "user_username"):
        assert personal not in stored
    assert launch.claims["https://purl.imsglobal.org/spec/lti/claim/tool_platform"]["family_code"] == "moodle"
    assert launch.claims["https://purl.imsglobal.org/spec/lti/claim/lis"] == {"course_section_sourcedid": "DL101-A"}
    assert launch.claims["https://purl.imsglobal.org/spec/lti/claim/custom"] == {"course_idnumber": "DL-101"}


def test_moodle_learner_launch_lands_on_the_learner_page(client, moodle):
    response = moodle.launch("moodle-learner-1", LEARNER)
    assert response["Location"].startswith("/lti/learner/?launch=")
    page = _follow(client, response)
    assert page.status_code == 200
    assert b"does not lead to a published micro-credential yet" in page.content


def test_openedx_consumer_staff_launch_lands_on_the_course_page(client, openedx):
    response = openedx.launch(role="staff")
    assert response["Location"].startswith("/lti/course/?launch=")
    launch = LtiLaunch.objects.get()
    assert launch.platform == openedx.record and launch.context_id == "course-v1:Org+DL+2025"
    page = _follow(client, response)
    assert page.status_code == 200
    assert page["Content-Security-Policy"] == "frame-ancestors 'self' https://openedx.test"


def test_openedx_consumer_student_launch_lands_on_the_learner_page(openedx):
    response = openedx.launch("edx-learner-2", role="student")
    assert response["Location"].startswith("/lti/learner/?launch=")


def test_two_platforms_are_told_apart(client, moodle, openedx):
    moodle.launch()
    openedx.launch()
    assert sorted(LtiLaunch.objects.values_list("platform__issuer", flat=True)) == [
        "https://moodle.test", "https://openedx.test"]


def test_pages_without_a_launch_are_refused(client, moodle):
    for path in ("/lti/course/", "/lti/learner/", "/lti/deep-linking/"):
        response = client.get(path + "?launch=not-a-launch")
        assert response.status_code == 403
        assert b"open the tool again" in response.content
        assert response["Content-Security-Policy"] == "frame-ancestors 'self' https://moodle.test"

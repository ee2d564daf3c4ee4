"""LTI Advantage: client-credentials tokens, NRPS roster paging and AGS scores against lti1p3platform's services."""

from __future__ import annotations

import time

import jwt
import pytest
from advantage_platform import LINEITEM_PATH, LINEITEMS_PATH, MEMBERS_PATH, TOKEN_PATH, install
from lti_platforms import LEARNER
from test_instructor import FORM

from lti import keys
from lti.ags import SCORE_TYPE, post_award_score, scores_url
from lti.models import LtiContext
from lti.nrps import next_link, roster_user_ids
from lti.services import ServiceError, access_token, client_assertion
from mc_lms_bridge.awards.service import grant_award
from mc_lms_bridge.models import CourseTag, Learner, LearnerAccount

AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
SCOPES = ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"]


def _member(user_id, role="Learner", status="Active"):
    return {"user_id": user_id, "roles": [f"http://purl.imsglobal.org/vocab/lis/v2/membership#{role}"],
            "status": status}


@pytest.fixture
def lms(spec_server, moodle):
    """The Moodle driver's registration serving token/NRPS/AGS on 127.0.0.1; its token URL is registered."""
    moodle.record.auth_token_url = spec_server.url(TOKEN_PATH)
    moodle.record.save()
    spec_server.state = install(spec_server, moodle, keys.public_jwks())
    return spec_server


def _launch(client, moodle, lms, *, lineitem=True, roles=None):
    ags = {"scope": SCOPES, "lineitems": lms.url(LINEITEMS_PATH)}
    if lineitem:
        ags["lineitem"] = lms.url(LINEITEM_PATH) + "?type_id=2"
    services = {AGS: ags, NRPS: {"context_memberships_url": lms.url(MEMBERS_PATH), "service_versions": ["2.0"]}}
    kwargs = {"roles": roles} if roles else {}
    response = moodle.launch(mutate=lambda message: {**message, **services}, **kwargs)
    assert response.status_code == 303, response.content
    return response["Location"].split("launch=")[1]


def test_client_assertion_claims(moodle):
    moodle.record.auth_token_url = "https://moodle.test/mod/lti/token.php"
    token = client_assertion(moodle.record)
    public = jwt.PyJWK(keys.public_jwks()["keys"][0])
    claims = jwt.decode(token, public, algorithms=["RS256"], audience="https://moodle.test/mod/lti/token.php")
    assert claims["iss"] == claims["sub"] == moodle.client_id
    assert 0 < claims["exp"] - time.time() <= 300 and len(claims["jti"]) >= 32
    assert client_assertion(moodle.record) != token  # a fresh jti each time


def test_launch_keeps_the_course_service_endpoints(client, moodle, lms):
    _launch(client, moodle, lms, roles=LEARNER)
    context = LtiContext.objects.get()
    assert (context.platform, context.context_id) == (moodle.record, "course-7")
    assert context.memberships_url == lms.url(MEMBERS_PATH)
    assert context.lineitem_url == lms.url(LINEITEM_PATH) + "?type_id=2"
    assert context.ags_scopes == SCOPES and context.resource_link_id == "resource-42"


def test_roster_follows_link_headers_and_keeps_active_learners(client, moodle, lms):
    _launch(client, moodle, lms)
    lms.state["members"].extend([_member("11"), _member("12"), _member("2", "Instructor"),
                                 _member("13", status="Inactive"), _member("14")])
    assert roster_user_ids(moodle.record, "course-7") == ["11", "12", "14"]
    assert roster_user_ids(moodle.record, "course-7", learners_only=False) == ["11", "12", "2", "14"]
    pages = lms.requests_to(MEMBERS_PATH)
    assert [p.query.get("page") for p in pages[:3]] == [None, "2", "3"]
    assert all(p.headers["accept"] == "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" for p in pages)
    assert len(lms.requests_to(TOKEN_PATH)) == 1  # the access token is cached
    assertion = lms.state["assertions"][0]
    assert assertion["aud"] == lms.url(TOKEN_PATH) and assertion["iss"] == moodle.client_id
    assert lms.requests_to(TOKEN_PATH)[0].form()["client_assertion_type"] == (
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")


def test_roster_refuses_a_next_page_on_another_origin(client, moodle, lms):
    _launch(client, moodle, lms)
    lms.routes[("GET", MEMBERS_PATH)] = lambda s: (200, {"Link": '<https://evil.example/m>; rel="next"'},
                                                   {"id": "x", "members": []})
    with pytest.raises(ServiceError, match="leaves the platform"):
        roster_user_ids(moodle.record, "course-7")


def test_roster_of_an_unknown_course_is_an_error(moodle):
    with pytest.raises(ServiceError, match="No NRPS endpoint"):
        roster_user_ids(moodle.record, "course-unknown")


def test_token_refused_by_the_platform(client, moodle, lms):
    _launch(client, moodle, lms)
    moodle.record.client_id = "someone-else"  # the assertion's iss/sub no longer match the platform's client
    with pytest.raises(ServiceError, match="HTTP 401"):
        access_token(moodle.record, ["https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"])
    assert lms.state["refusals"] == ["iss/sub"]


def test_next_link_parsing():
    assert next_link('<https://a/m?p=1>; rel="prev", <https://a/m?p=3>; rel="next"') == "https://a/m?p=3"
    assert next_link("<https://a/m?p=3>; rel=next") == "https://a/m?p=3" and next_link("") == ""
    assert scores_url("https://a/li/5/lineitem?type_id=2") == "https://a/li/5/lineitem/scores?type_id=2"


def _award(client, moodle, lms, **launch_kwargs):
    launch_id = _launch(client, moodle, lms, **launch_kwargs)
    published = client.post("/lti/course/", {**FORM, "launch": launch_id, "action": "publish"})
    assert published.status_code == 302, published.content
    version = CourseTag.objects.get().microcredential.published_version()
    learner = Learner.objects.create(given_name="Ada")
    LearnerAccount.objects.create(learner=learner, platform="moodle", platform_instance=moodle.issuer,
                                  user_id="moodle-user-12")
    return grant_award(learner=learner, version=version, evidence=[], reason={})[0]


def test_award_posts_a_completed_score_to_the_resource_link_line_item(client, moodle, lms):
    award = _award(client, moodle, lms)
    sent = post_award_score(award)
    assert [(s.context_id, s.status) for s in sent] == [("course-7", 200)]
    posted = lms.requests_to(LINEITEM_PATH + "/scores")[0]
    assert posted.headers["content-type"] == SCORE_TYPE and posted.query == {"type_id": "2"}
    line_item, score = lms.state["scores"][0]
    assert line_item == lms.url(LINEITEM_PATH)
    assert score["userId"] == "moodle-user-12" and (score["scoreGiven"], score["scoreMaximum"]) == (1, 1)
    assert (score["activityProgress"], score["gradingProgress"]) == ("Completed", "FullyGraded")
    assert score["timestamp"] == award.awarded_at.isoformat()


def test_award_creates_our_line_item_once_when_the_link_has_none(client, moodle, lms):
    award = _award(client, moodle, lms, lineitem=False)
    post_award_score(award)
    post_award_score(award)
    assert len(lms.state["lineitems"]) == 1
    item = lms.state["lineitems"][0]
    assert item["tag"] == "mc-lms-bridge-microcredential" and item["resourceLinkId"] == "resource-42"
    assert [line for line, _ in lms.state["scores"]] == [item["id"], item["id"]]


def test_revoked_awards_and_courses_without_ags_send_nothing(client, moodle, lms):
    award = _award(client, moodle, lms)
    LtiContext.objects.update(lineitem_url="", lineitems_url="")
    assert post_award_score(award) == []
    LtiContext.objects.update(lineitem_url=lms.url(LINEITEM_PATH))
    award.revoked_at = award.awarded_at
    assert post_award_score(award) == []
    assert lms.requests_to(TOKEN_PATH) == []

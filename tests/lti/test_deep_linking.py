"""Deep linking: the instructor adds "Micro-credential"; both platform libraries accept the signed response."""

from __future__ import annotations

import jwt
import pytest
from lti_platforms import OpenEdxPlatform, hidden_fields, tamper_payload

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
LTI = "https://purl.imsglobal.org/spec/lti/claim/"


def _respond(client, response):
    assert response.status_code == 303, response.content
    assert response["Location"].startswith("/lti/deep-linking/?launch=")
    page = client.get(response["Location"])
    assert page.status_code == 200 and b"Add \xe2\x80\x9cMicro-credential\xe2\x80\x9d" in page.content
    launch_id = response["Location"].split("launch=")[1]
    answer = client.post("/lti/deep-linking/", {"launch": launch_id, "item": "micro-credential"})
    assert answer.status_code == 200
    assert b'src="/static/lti/autopost.js"' in answer.content
    return answer


def _tool_jwks_url(live_server, settings):
    settings.MC_LTI = {"BASE_URL": live_server.url}
    return f"{live_server.url}/lti/jwks/"


@pytest.mark.django_db(transaction=True)
def test_moodle_deep_linking_response_is_accepted_by_lti1p3platform(client, moodle, live_server, settings):
    moodle.registration.set_tool_key_set_url(_tool_jwks_url(live_server, settings))
    answer = _respond(client, moodle.launch(deep_linking=True))
    assert b'action="https://moodle.test/mod/lti/contentitem_return.php"' in answer.content
    token = hidden_fields(answer.content.decode())["JWT"]
    items = moodle.config.validate_deeplinking_resp({"JWT": token})
    assert items == [{
        "type": "ltiResourceLink", "title": "Micro-credential", "url": "http://testserver/lti/launch/",
        "text": items[0]["text"], "custom": {"mc_placement": "course"}}]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["iss"] == moodle.client_id and claims["aud"] == moodle.issuer
    assert claims[LTI + "deployment_id"] == moodle.deployment_id
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse" and claims[LTI + "version"] == "1.3.0"
    assert claims[DL + "data"] == "opaque-data-1"


@pytest.mark.django_db(transaction=True)
def test_openedx_deep_linking_response_is_accepted_by_the_openedx_consumer(client, edx_pem, org_a, live_server,
                                                                           settings):
    from lti.models import LtiDeployment, LtiPlatform

    edx = OpenEdxPlatform(client, edx_pem, tool_keyset_url=_tool_jwks_url(live_server, settings))
    record = LtiPlatform.objects.create(name="Open edX", organisation=org_a, issuer=edx.issuer,
                                        client_id=edx.client_id, auth_login_url="https://openedx.test/auth",
                                        public_jwks=edx.jwks())
    LtiDeployment.objects.create(platform=record, deployment_id=edx.deployment_id)
    answer = _respond(client, edx.launch(deep_linking=True))
    token = hidden_fields(answer.content.decode())["JWT"]
    items = edx.consumer.check_and_decode_deep_linking_token(token)
    assert [item["type"] for item in items] == ["ltiResourceLink"]
    assert items[0]["url"] == "http://testserver/lti/launch/"


@pytest.mark.django_db(transaction=True)
def test_a_tampered_response_is_refused_by_the_platform(client, moodle, live_server, settings):
    moodle.registration.set_tool_key_set_url(_tool_jwks_url(live_server, settings))
    answer = _respond(client, moodle.launch(deep_linking=True))
    token = tamper_payload(hidden_fields(answer.content.decode())["JWT"], aud="https://elsewhere.test")
    with pytest.raises(jwt.InvalidSignatureError):
        moodle.config.validate_deeplinking_resp({"JWT": token})


def test_deep_linking_page_refuses_resource_link_launches(client, moodle):
    response = moodle.launch()
    launch_id = response["Location"].split("launch=")[1]
    refused = client.post("/lti/deep-linking/", {"launch": launch_id})
    assert refused.status_code == 400 and b"wrong_message_type" in refused.content

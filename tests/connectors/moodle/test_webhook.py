"""The signed webhook: valid, replayed, badly signed, stale, unknown site, oversized and malformed deliveries."""

from __future__ import annotations

import json
import time

import pytest

from mc_lms_bridge.connectors.moodle.signing import sign
from mc_lms_bridge.models import CompletionEvent

URL = "/connectors/moodle/webhook/"
SECRET = "hook-secret-for-tests"
pytestmark = pytest.mark.urls("tests.connectors.moodle.urls")

EVENT = {"eventname": "\\core\\event\\course_completed", "component": "core", "action": "completed",
         "target": "course", "objecttable": "course_completions", "objectid": 12, "crud": "u", "edulevel": 2,
         "contextid": 30, "contextlevel": 50, "contextinstanceid": 7, "userid": 3, "courseid": 7,
         "relateduserid": 3, "anonymous": 0, "other": {"relateduserid": 3}, "timecreated": 1700000000,
         "user": {"id": 3, "email": "ada@example.edu", "firstname": "Ada", "lastname": "Lovelace",
                  "fullname": "Ada Lovelace"}}


@pytest.fixture
def site(make_site):
    return make_site("https://moodle.example.eu", webhook_secret=SECRET)


def deliver(client, site_header, body: bytes, *, timestamp=None, secret=SECRET, signature=None):
    timestamp = str(int(time.time())) if timestamp is None else timestamp
    headers = {"HTTP_X_MC_BRIDGE_SITE": site_header, "HTTP_X_MC_BRIDGE_TIMESTAMP": timestamp,
               "HTTP_X_MC_BRIDGE_SIGNATURE": signature if signature is not None else sign(
                   secret.encode(), timestamp, body)}
    return client.post(URL, data=body, content_type="application/json", **headers)


def test_valid_delivery_recorded(client, site):
    response = deliver(client, "https://moodle.example.eu/", json.dumps(EVENT).encode())
    assert response.status_code == 202, response.content
    assert response.json()["created"] is True
    event = CompletionEvent.objects.get(pk=response.json()["event"])
    assert (event.platform, event.platform_instance, event.source_event_id) == (
        "moodle", "https://moodle.example.eu", "event:7:3:1700000000")
    assert (event.course_id, event.user_id, event.kind) == ("7", "3", "completed")
    assert event.learner_data["email"] == "ada@example.edu" and event.learner_data["email_verified"] is False


def test_site_by_id_and_replay_is_one_event(client, site):
    body = json.dumps(EVENT).encode()
    first = deliver(client, str(site.pk), body)
    again = deliver(client, str(site.pk), body)
    later_copy = deliver(client, "https://moodle.example.eu", json.dumps({**EVENT, "objectid": 99}).encode())
    assert [r.status_code for r in (first, again, later_copy)] == [202, 202, 202]
    assert [r.json()["created"] for r in (first, again, later_copy)] == [True, False, False]
    assert len({r.json()["event"] for r in (first, again, later_copy)}) == 1
    assert CompletionEvent.objects.count() == 1


@pytest.mark.parametrize("tamper", ["signature", "secret", "body", "missing"])
def test_bad_or_missing_signature_is_401(client, site, tamper):
    body = json.dumps(EVENT).encode()
    timestamp = str(int(time.time()))
    good = sign(SECRET.encode(), timestamp, body)
    kwargs = {"timestamp": timestamp}
    if tamper == "signature":
        kwargs["signature"] = ("0" if good[0] != "0" else "1") + good[1:]
    elif tamper == "secret":
        kwargs["secret"] = "another-secret"
    elif tamper == "missing":
        kwargs["signature"] = ""
    sent = body.replace(b'"relateduserid": 3', b'"relateduserid": 4') if tamper == "body" else body
    if tamper == "body":
        kwargs["signature"] = good
    response = deliver(client, "https://moodle.example.eu", sent, **kwargs)
    assert response.status_code == 401, response.content
    assert response["WWW-Authenticate"] == "MC-Bridge-HMAC-SHA256"
    assert CompletionEvent.objects.count() == 0


def test_stale_timestamp_is_400(client, site):
    stale = str(int(time.time()) - 301)
    response = deliver(client, "https://moodle.example.eu", json.dumps(EVENT).encode(), timestamp=stale)
    assert response.status_code == 400
    assert response.json()["code"] == "stale_timestamp"
    assert CompletionEvent.objects.count() == 0


@pytest.mark.parametrize("header", ["https://unknown.example.eu", "00000000-0000-0000-0000-000000000000", "",
                                    "not a url"])
def test_unknown_site_is_403(client, site, header):
    response = deliver(client, header, json.dumps(EVENT).encode())
    assert response.status_code == 403


def test_site_without_webhook_secret_is_403(client, make_site):
    make_site("https://quiet.example.eu")
    response = deliver(client, "https://quiet.example.eu", json.dumps(EVENT).encode())
    assert response.status_code == 403


def test_oversized_body_is_413(client, site, moodle_settings):
    moodle_settings(MOODLE_WEBHOOK_MAX_BYTES=1024)
    body = json.dumps({**EVENT, "padding": "x" * 2000}).encode()
    response = deliver(client, "https://moodle.example.eu", body)
    assert response.status_code == 413
    assert CompletionEvent.objects.count() == 0


def test_malformed_json_signed_is_400(client, site):
    response = deliver(client, "https://moodle.example.eu", b'{"eventname": ')
    assert response.status_code == 400
    assert "Malformed JSON" in response.json()["detail"]


def test_wrong_shape_gives_field_messages(client, site):
    body = json.dumps({"eventname": "\\core\\event\\course_viewed", "courseid": "abc", "relateduserid": 3,
                       "timecreated": 1700000000, "user": {"id": 4, "email": 5}}).encode()
    response = deliver(client, "https://moodle.example.eu", body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"eventname", "courseid", "user.id", "user.email"}


def test_json_array_body_is_400(client, site):
    response = deliver(client, "https://moodle.example.eu", b"[1, 2]")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]

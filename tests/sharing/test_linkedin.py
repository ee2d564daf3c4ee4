"""LinkedIn links: every parameter parses back to the value given, with LinkedIn's month format."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mc_lms_bridge.sharing.linkedin import LinkedInLinkError, add_to_profile_url, share_url

CERT_URL = "https://badges.univ-example.be/credentials/0f3c?lang=fr&view=full#top"
BASE = dict(name="Data Literacy", organization_id=1337, issued_at=date(2025, 3, 9), cert_url=CERT_URL,
            cert_id="urn:uuid:0f3c2a1e")


def parsed(url: str) -> tuple[str, list[tuple[str, str]]]:
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", params


def test_add_to_profile_with_organization_id_and_expiry():
    url = add_to_profile_url(**{**BASE, "expires_at": datetime(2027, 11, 30, 23, 0, tzinfo=UTC)})
    base, params = parsed(url)
    assert base == "https://www.linkedin.com/profile/add"
    assert params == [
        ("startTask", "CERTIFICATION_NAME"), ("name", "Data Literacy"), ("organizationId", "1337"),
        ("issueYear", "2025"), ("issueMonth", "3"), ("expirationYear", "2027"), ("expirationMonth", "11"),
        ("certUrl", CERT_URL), ("certId", "urn:uuid:0f3c2a1e"),
    ]
    assert "issueMonth=3&" in url
    assert "certUrl=https%3A%2F%2Fbadges.univ-example.be%2Fcredentials%2F0f3c%3Flang%3Dfr%26view" in url


def test_organization_name_when_there_is_no_linkedin_id_and_no_expiry():
    url = add_to_profile_url(**{**BASE, "organization_id": None, "organization_name": "Université d'Exemple & Co"})
    params = dict(parsed(url)[1])
    assert params["organizationName"] == "Université d'Exemple & Co" and "organizationId" not in params
    assert "expirationYear" not in params and "expirationMonth" not in params
    assert "Universit%C3%A9%20d%27Exemple%20%26%20Co" in url  # spaces as %20 (quote), not '+'


def test_id_wins_over_name():
    params = dict(parsed(add_to_profile_url(**{**BASE, "organization_name": "Ignored"}))[1])
    assert params["organizationId"] == "1337" and "organizationName" not in params


def test_aware_datetime_is_taken_at_its_own_offset():
    issued = datetime(2025, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))  # still December 2024 in UTC
    params = dict(parsed(add_to_profile_url(**{**BASE, "issued_at": issued}))[1])
    assert (params["issueYear"], params["issueMonth"]) == ("2025", "1")


@given(name=st.text(min_size=1).filter(str.strip), cert_id=st.text(min_size=1).filter(str.strip),
       month=st.integers(1, 12))
def test_any_unicode_name_and_id_parse_back(name, cert_id, month):
    url = add_to_profile_url(**{**BASE, "name": name, "cert_id": cert_id, "issued_at": date(2024, month, 1)})
    params = dict(parsed(url)[1])
    assert params["name"] == name.strip() and params["certId"] == cert_id.strip()
    assert params["issueMonth"] == str(month)
    assert " " not in url and "+" not in url.split("?", 1)[1].replace("%2B", "")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": ""}, "name"), ({"name": "   "}, "name"), ({"cert_id": ""}, "cert_id"),
        ({"cert_url": ""}, "cert_url"), ({"cert_url": "http://badges.example/c/1"}, "https"),
        ({"cert_url": "javascript:alert(1)"}, "https"), ({"cert_url": "https:///nohost"}, "https"),
        ({"organization_id": None}, "organization"), ({"organization_id": "acme"}, "numeric"),
        ({"issued_at": "2025-03-09"}, "issued_at"), ({"expires_at": date(2025, 2, 28)}, "before"),
        ({"name": "x" * 9000}, "longer"),
    ],
)
def test_validation_errors(changes, message):
    with pytest.raises(LinkedInLinkError, match=message):
        add_to_profile_url(**{**BASE, **changes})


def test_expiry_in_the_issue_month_is_allowed():
    params = dict(parsed(add_to_profile_url(**{**BASE, "expires_at": date(2025, 3, 1)}))[1])
    assert (params["expirationYear"], params["expirationMonth"]) == ("2025", "3")


def test_share_url():
    url = share_url(CERT_URL)
    base, params = parsed(url)
    assert base == "https://www.linkedin.com/sharing/share-offsite/" and params == [("url", CERT_URL)]
    assert url == ("https://www.linkedin.com/sharing/share-offsite/?url="
                   "https%3A%2F%2Fbadges.univ-example.be%2Fcredentials%2F0f3c%3Flang%3Dfr%26view%3Dfull%23top")
    for bad in ("", "http://example.org/x", "ftp://example.org/x", None):
        with pytest.raises(LinkedInLinkError):
            share_url(bad)

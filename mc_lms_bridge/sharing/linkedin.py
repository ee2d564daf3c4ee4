"""LinkedIn "Add to profile" (certification) and "share" links for an issued credential."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote, urlencode, urlsplit

ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"
SHARE_OFFSITE = "https://www.linkedin.com/sharing/share-offsite/"
MAX_URL_LENGTH = 8000


class LinkedInLinkError(ValueError):
    """A LinkedIn link cannot be built from the values given."""


def _required_text(value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LinkedInLinkError(f"{field} is required")
    return value.strip()


def _https_url(value: object, field: str) -> str:
    url = _required_text(value, field)
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise LinkedInLinkError(f"{field} must be an absolute https URL, got {url!r}")
    return url


def _year_month(value: object, field: str) -> tuple[int, int]:
    if not isinstance(value, date):  # datetime is a date subclass
        raise LinkedInLinkError(f"{field} must be a date or datetime, got {type(value).__name__}")
    return value.year, value.month


def _build(base: str, params: list[tuple[str, str | int]]) -> str:
    url = f"{base}?{urlencode(params, quote_via=quote, safe='')}"
    if len(url) > MAX_URL_LENGTH:
        raise LinkedInLinkError(f"the link is longer than {MAX_URL_LENGTH} characters")
    return url


def add_to_profile_url(
    *,
    name: str,
    organization_id: int | str | None = None,
    organization_name: str | None = None,
    issued_at: date | datetime,
    expires_at: date | datetime | None = None,
    cert_url: str,
    cert_id: str,
) -> str:
    """The "Add license or certification" link; months are 1-12 without a leading zero.

    The issuing organisation is ``organizationId`` (LinkedIn's numeric company id) when known, else
    ``organizationName``. Aware datetimes are taken at their own offset (the caller picks the zone).
    """
    params: list[tuple[str, str | int]] = [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", _required_text(name, "name")),
    ]
    if organization_id is not None and str(organization_id).strip():
        organization = str(organization_id).strip()
        if not organization.isascii() or not organization.isdigit():
            raise LinkedInLinkError(f"organization_id must be LinkedIn's numeric id, got {organization_id!r}")
        params.append(("organizationId", organization))
    elif organization_name is not None and organization_name.strip():
        params.append(("organizationName", organization_name.strip()))
    else:
        raise LinkedInLinkError("organization_id or organization_name is required")
    issue_year, issue_month = _year_month(issued_at, "issued_at")
    params += [("issueYear", issue_year), ("issueMonth", issue_month)]
    if expires_at is not None:
        expiry_year, expiry_month = _year_month(expires_at, "expires_at")
        if (expiry_year, expiry_month) < (issue_year, issue_month):
            raise LinkedInLinkError("expires_at is before issued_at")
        params += [("expirationYear", expiry_year), ("expirationMonth", expiry_month)]
    params += [("certUrl", _https_url(cert_url, "cert_url")), ("certId", _required_text(cert_id, "cert_id"))]
    return _build(ADD_TO_PROFILE, params)


def share_url(url: str) -> str:
    """The LinkedIn "share offsite" link for a public https page (for example the credential's verification page)."""
    return _build(SHARE_OFFSITE, [("url", _https_url(url, "url"))])

"""Fetcher that answers for this service's own documents from the database (no HTTP to ourselves)."""

from __future__ import annotations

from urllib.parse import urlparse

from django.urls import Resolver404, resolve

from .. import identity
from ..catalogue.records import organisation_record
from ..formats.ob3 import build_issuer_profile
from ..models import Organisation, StatusList
from ..status.service import signed_status_list
from .fetching import FetchError, UnknownUrlError


class _NotHere(Exception):
    """A path under our base URL that publishes nothing."""


def _organisation(slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise _NotHere(f"this service has no organisation {slug!r}.")
    return organisation


def _status_list(slug: str, purpose: str, sequence: int) -> dict:
    found = StatusList.objects.select_related("organisation").filter(
        organisation__slug=slug, purpose=purpose, sequence=sequence).first()
    if found is None:
        raise _NotHere(f"this service has no {purpose} status list {sequence} for {slug!r}.")
    return signed_status_list(found)


DOCUMENTS = {
    "host-did": lambda: identity.host_did_document(),
    "service-did": lambda: identity.host_did_document(),
    "org-did": lambda slug: identity.did_document(_organisation(slug)),
    "org-profile": lambda slug: build_issuer_profile(organisation_record(_organisation(slug))),
    "status-list": _status_list,
}


def _without_scheme(url: str) -> str:
    parsed = urlparse(url)
    return parsed.netloc + parsed.path


class LocalDocumentFetcher:
    """Serves URLs under BASE_URL (http or https) from the database; other URLs are left to the next fetcher."""

    def knows(self, url: str) -> bool:
        return _without_scheme(url.split("#")[0]).startswith(_without_scheme(identity.base_url()) + "/")

    def fetch(self, url: str) -> dict:
        if not self.knows(url):
            raise UnknownUrlError(url, "it is not a document of this service")
        path = urlparse(url.split("#")[0]).path
        try:
            match = resolve(path)
        except Resolver404:
            raise FetchError(url, "this service publishes no document there")
        builder = DOCUMENTS.get(match.url_name)
        if builder is None:
            raise FetchError(url, "it is not a verification document")
        try:
            return builder(**match.kwargs)
        except _NotHere as exc:
            raise FetchError(url, str(exc))

"""Fetches other issuers' public documents (DID documents, status lists) over HTTPS, with size and time limits."""

from __future__ import annotations

import json
from urllib.error import URLError
from urllib.parse import urlparse
from urllib.request import Request, urlopen

from .fetching import FetchError

MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
TIMEOUT_SECONDS = 8


class HttpsFetcher:
    """The default remote fetcher: HTTPS only, JSON objects only, bounded size and time; replaceable in settings."""

    def knows(self, url: str) -> bool:
        return urlparse(url).scheme == "https"

    def fetch(self, url: str) -> dict:
        if not self.knows(url):
            raise FetchError(url, "only https documents are fetched from other issuers")
        request = Request(url.split("#")[0], headers={"Accept": "application/json, */*"})  # noqa: S310
        try:
            with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (https only, checked above)
                body = response.read(MAX_DOCUMENT_BYTES + 1)
        except (URLError, TimeoutError, OSError) as exc:
            raise FetchError(url, f"the server could not be reached ({exc})")
        if len(body) > MAX_DOCUMENT_BYTES:
            raise FetchError(url, f"the document is larger than {MAX_DOCUMENT_BYTES} bytes")
        try:
            document = json.loads(body)
        except ValueError:
            raise FetchError(url, "the document is not JSON")
        if not isinstance(document, dict):
            raise FetchError(url, "the document is not a JSON object")
        return document

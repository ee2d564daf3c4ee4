"""Document fetchers for verification: a protocol, a fixed map for tests and fixtures, and a chain of fetchers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol, runtime_checkable

from mc_lms_bridge.crypto.document_loader import copy_json

FetchFunction = Callable[[str], dict]


class FetchError(Exception):
    """A document could not be fetched; ``reason`` is one sentence a person can read.

    Raise it as ``FetchError(url, reason)`` or simply ``FetchError(reason)``.
    """

    def __init__(self, url_or_reason: str, reason: str | None = None):
        url, reason = (None, url_or_reason) if reason is None else (url_or_reason, reason)
        super().__init__(reason if url is None else f"Could not fetch {url}: {reason}")
        self.url = url
        self.reason = reason


class UnknownUrlError(FetchError):
    """This fetcher does not handle the URL at all; a ``ChainFetcher`` then asks the next one."""


@runtime_checkable
class DocumentFetcher(Protocol):
    """Returns the JSON object published at a URL, or raises ``FetchError`` saying why it cannot."""

    def fetch(self, url: str) -> dict:
        """Return the parsed JSON object at ``url`` (without fragment); raise ``FetchError`` otherwise."""
        ...


class StaticFetcher:
    """Serves a fixed mapping of URL -> JSON object (tests, fixtures, pre-loaded issuer documents)."""

    def __init__(self, mapping: Mapping[str, dict]):
        for url, document in mapping.items():
            if not isinstance(url, str) or not url:
                raise TypeError("StaticFetcher URLs must be non-empty strings.")
            if not isinstance(document, dict):
                raise TypeError(f"StaticFetcher document for {url} must be a JSON object.")
        self._documents = {url: copy_json(document) for url, document in mapping.items()}
        self.requests: list[str] = []

    def knows(self, url: str) -> bool:
        """True when ``url`` is in the mapping."""
        return url in self._documents

    def fetch(self, url: str) -> dict:
        """Return a fresh copy of the mapped document, or raise ``UnknownUrlError``."""
        self.requests.append(url)
        if url not in self._documents:
            raise UnknownUrlError(url, "no document is known at this address.")
        return copy_json(self._documents[url])

    __call__ = fetch


def _always(url: str) -> bool:
    return True


class ChainFetcher:
    """Asks each fetcher in turn; the first that knows the URL answers (its failures are not retried elsewhere).

    A fetcher "knows" a URL when its optional ``knows(url)`` says so (default: yes) and it does not
    raise ``UnknownUrlError`` for it.
    """

    def __init__(self, *fetchers: DocumentFetcher | FetchFunction):
        if not fetchers:
            raise TypeError("ChainFetcher needs at least one fetcher.")
        self._fetchers = tuple((getattr(fetcher, "knows", _always), fetch_function(fetcher)) for fetcher in fetchers)

    def knows(self, url: str) -> bool:
        """True when one of the fetchers claims ``url`` through its ``knows``."""
        return any(knows(url) for knows, _ in self._fetchers)

    def fetch(self, url: str) -> dict:
        """Return the first answer; raise ``UnknownUrlError`` if no fetcher knows ``url``."""
        for knows, fetch in self._fetchers:
            if not knows(url):
                continue
            try:
                return fetch(url)
            except UnknownUrlError:
                continue
        raise UnknownUrlError(url, "no configured source knows this address.")

    __call__ = fetch


def fetch_function(fetcher: DocumentFetcher | FetchFunction) -> FetchFunction:
    """Accept a ``DocumentFetcher`` or a plain ``url -> dict`` callable and return the callable."""
    method = getattr(fetcher, "fetch", None)
    if callable(method):
        return method
    if callable(fetcher):
        return fetcher
    raise TypeError("fetch must be a DocumentFetcher or a callable taking a URL.")


def fetch_json_object(fetch: FetchFunction, url: str) -> dict:
    """Call ``fetch`` and insist on a JSON object; any other failure of the fetcher becomes a ``FetchError``."""
    try:
        document = fetch(url)
    except FetchError:
        raise
    except (OSError, ValueError, LookupError) as exc:
        raise FetchError(url, f"the source failed ({type(exc).__name__}).") from None
    if not isinstance(document, dict):
        raise FetchError(url, "the response is not a JSON object.")
    return document

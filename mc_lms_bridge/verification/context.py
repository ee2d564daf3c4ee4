"""What one verification run shares: the clock, the loader, and a fetcher and resolver that remember answers."""

from __future__ import annotations

from datetime import datetime

from mc_lms_bridge.crypto.keys import PublicKey

from .did_resolution import DidResolutionError, ResolvedMethod, public_key_for, resolve_verification_method
from .fetching import DocumentFetcher, FetchError, FetchFunction, fetch_function, fetch_json_object


class VerificationContext:
    """Per-run state: every URL is fetched and every verification method resolved at most once."""

    def __init__(self, *, fetch: DocumentFetcher | FetchFunction, now: datetime, loader, scheme: str = "https"):
        if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("now must be a timezone-aware datetime.")
        if not callable(loader):
            raise TypeError("loader must be a JSON-LD document loader callable.")
        self.now = now
        self.loader = loader
        self.scheme = scheme
        self._fetch = fetch_function(fetch)
        self._documents: dict[str, dict | FetchError] = {}
        self._methods: dict[str, ResolvedMethod | Exception] = {}

    def fetch(self, url: str) -> dict:
        """Fetch a JSON object once per run; later calls get the same answer (or the same error)."""
        if url not in self._documents:
            try:
                self._documents[url] = fetch_json_object(self._fetch, url)
            except FetchError as exc:
                self._documents[url] = exc
        answer = self._documents[url]
        if isinstance(answer, FetchError):
            raise answer
        return answer

    def resolve(self, vm_id: str) -> ResolvedMethod:
        """Resolve a verification method once per run; raises ``DidResolutionError`` or ``FetchError``."""
        if not isinstance(vm_id, str):
            raise DidResolutionError("The verification method id must be a string.")
        if vm_id not in self._methods:
            try:
                self._methods[vm_id] = resolve_verification_method(vm_id, fetch=self.fetch, scheme=self.scheme)
            except (DidResolutionError, FetchError) as exc:
                self._methods[vm_id] = exc
        answer = self._methods[vm_id]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def public_key(self, vm_id: str) -> PublicKey:
        """The public key of a verification method (raises when it cannot be resolved)."""
        return public_key_for(self.resolve(vm_id).method)

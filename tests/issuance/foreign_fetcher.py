"""A remote-fetcher plug-in for tests: serves another issuer's public documents from memory (no internet)."""

from __future__ import annotations

from mc_lms_bridge.verification.fetching import FetchError

DOCUMENTS: dict[str, dict] = {}


class FixtureFetcher:
    """Configured as MC_LMS_BRIDGE['REMOTE_FETCHER'] in tests; knows https URLs only, like the real one."""

    def knows(self, url: str) -> bool:
        return url.startswith("https://")

    def fetch(self, url: str) -> dict:
        try:
            return DOCUMENTS[url.split("#")[0]]
        except KeyError:
            raise FetchError(url, "the server answered 404") from None

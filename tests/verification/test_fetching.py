"""StaticFetcher, ChainFetcher and the JSON-object guard around any fetcher."""

from __future__ import annotations

import pytest

from mc_lms_bridge.verification.fetching import (
    ChainFetcher,
    DocumentFetcher,
    FetchError,
    StaticFetcher,
    UnknownUrlError,
    fetch_function,
    fetch_json_object,
)

A, B = "https://a.example/doc", "https://b.example/doc"


def test_static_fetcher_returns_fresh_copies_and_refuses_unknown_urls():
    fetcher = StaticFetcher({A: {"id": A, "list": [1]}})
    assert isinstance(fetcher, DocumentFetcher)
    first = fetcher.fetch(A)
    first["list"].append(2)
    assert fetcher.fetch(A) == {"id": A, "list": [1]}
    with pytest.raises(UnknownUrlError) as caught:
        fetcher.fetch(B)
    assert isinstance(caught.value, FetchError) and caught.value.url == B and caught.value.reason
    assert fetcher.requests == [A, A, B]


def test_static_fetcher_refuses_non_objects():
    with pytest.raises(TypeError):
        StaticFetcher({A: ["not", "an", "object"]})


def test_chain_asks_in_order_and_first_knower_wins():
    local, remote = StaticFetcher({A: {"from": "local"}}), StaticFetcher({A: {"from": "remote"}, B: {"from": "remote"}})
    chain = ChainFetcher(local, remote)
    assert chain.fetch(A) == {"from": "local"}
    assert chain.fetch(B) == {"from": "remote"}
    assert remote.requests == [B]
    with pytest.raises(UnknownUrlError):
        chain.fetch("https://c.example/")


def test_chain_does_not_fall_through_when_the_knowing_fetcher_fails():
    def broken(url: str) -> dict:
        raise FetchError(url, "the server answered 500.")

    fallback = StaticFetcher({A: {"from": "fallback"}})
    with pytest.raises(FetchError, match="500") as caught:
        ChainFetcher(broken, fallback).fetch(A)
    assert not isinstance(caught.value, UnknownUrlError)
    assert fallback.requests == []


def test_fetch_function_and_json_object_guard():
    assert fetch_function(StaticFetcher({A: {}}))(A) == {}
    with pytest.raises(TypeError):
        fetch_function(42)
    with pytest.raises(FetchError, match="not a JSON object"):
        fetch_json_object(lambda url: ["list"], A)
    with pytest.raises(FetchError, match="source failed"):
        fetch_json_object(lambda url: {}["missing"], A)
    with pytest.raises(TypeError):
        ChainFetcher()


class _ClaimsOneHost:
    """Like the Django local fetcher: says which URLs it knows and raises a plain FetchError otherwise."""

    def __init__(self):
        self.calls = []

    def knows(self, url: str) -> bool:
        return url.startswith("https://a.example/")

    def fetch(self, url: str) -> dict:
        self.calls.append(url)
        if not self.knows(url):
            raise FetchError(f"{url} is not a document of this service.")
        if url.endswith("/missing"):
            raise FetchError("This service publishes no document at /missing.")
        return {"from": "local"}


def test_chain_honours_knows_and_single_argument_fetch_errors():
    local, remote = _ClaimsOneHost(), StaticFetcher({B: {"from": "remote"}, "https://a.example/missing": {}})
    chain = ChainFetcher(local, remote)
    assert chain.fetch(A) == {"from": "local"} and chain.fetch(B) == {"from": "remote"}
    assert local.calls == [A]
    with pytest.raises(FetchError) as caught:
        chain.fetch("https://a.example/missing")  # local knows it and fails: no fall-through
    assert caught.value.reason == "This service publishes no document at /missing." and caught.value.url is None
    assert remote.requests == [B]
    assert chain.knows(A) and chain.knows(B) and not chain.knows("https://c.example/")

"""The shapes and contexts shipped in the package are the official, pinned documents."""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from mc_lms_bridge.formats.edc.context_loader import PINNED_EDC_CONTEXTS, edc_document_loader
from mc_lms_bridge.formats.edc.shapes import SHAPE_FILES

# sha256 of the upstream files (European-Learning-Model, branch EDC-3.2-(LTS) @ 22dcce7b; W3C VC 1.1 context).
OFFICIAL_SHA256 = {
    "credentials-v1.jsonld": "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8",
    "edc-ap-context-elm-3.2.jsonld": "fde0b3fd92e98a8870c173fb98baff361be6dd07e44653a9a5ac6c0fe626b411",
    "EDC-generic-no-cv.ttl": "d8268d9950a527b174c5eb5b6f06a0d531b1d6fd281a90a1c5b47712b5fca3ec",
    "EDC-generic-full.ttl": "3035390e491a534a85faa4855e6616c7ca9379919bddafa9238bce97c2c2ad62",
}


def data_bytes(name: str) -> bytes:
    return resources.files("mc_lms_bridge.formats.edc").joinpath("data", name).read_bytes()


@pytest.mark.parametrize("name", sorted(OFFICIAL_SHA256))
def test_shipped_file_is_the_official_one(name):
    assert hashlib.sha256(data_bytes(name)).hexdigest() == OFFICIAL_SHA256[name]


def test_every_shape_file_and_context_is_shipped():
    for name in [*SHAPE_FILES, *PINNED_EDC_CONTEXTS.values()]:
        assert data_bytes(name)


def test_loader_serves_both_pinned_contexts():
    for url in PINNED_EDC_CONTEXTS:
        loaded = edc_document_loader(url)
        assert loaded["documentUrl"] == url and "@context" in loaded["document"]

"""Every pinned context file is present and hashes to the digest in the pin table and in SOURCES.md."""

from __future__ import annotations

import hashlib

import pytest

from mc_lms_bridge.crypto.document_loader import read_pinned_bytes
from mc_lms_bridge.crypto.pinned_contexts import PINNED_CONTEXTS

# Transcribed from /work/shared/standards/SOURCES.md and /work/shared/standards/edc/SOURCES.md.
SOURCES_MD = {
    "https://www.w3.org/ns/credentials/v2": "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
    "https://www.w3.org/ns/credentials/examples/v2": "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": (
        "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": (
        "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"
    ),
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": (
        "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"
    ),
    "https://w3id.org/security/data-integrity/v2": "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
    "https://w3id.org/security/multikey/v1": "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
    "https://www.w3.org/ns/did/v1": "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f",
    "https://www.w3.org/ns/credentials/status/v1": "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c",
    "https://www.w3.org/2018/credentials/v1": "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8",
    "http://data.europa.eu/snb/model/context/edc-ap": (
        "fde0b3fd92e98a8870c173fb98baff361be6dd07e44653a9a5ac6c0fe626b411"
    ),
}


@pytest.mark.parametrize("url", sorted(PINNED_CONTEXTS))
def test_file_bytes_match_pin_table(url):
    pin = PINNED_CONTEXTS[url]
    assert hashlib.sha256(read_pinned_bytes(pin)).hexdigest() == pin.sha256


def test_pin_table_matches_sources_md():
    assert {url: pin.sha256 for url, pin in PINNED_CONTEXTS.items()} == SOURCES_MD

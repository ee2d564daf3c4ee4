"""Table of pinned JSON-LD context URLs -> (package file name, sha256 of its bytes)."""

from __future__ import annotations

from typing import NamedTuple


class PinnedContext(NamedTuple):
    """A context document shipped in mc_lms_bridge/crypto/contexts/ and the digest it must have."""

    file_name: str
    sha256: str


# Origins: /work/shared/standards/SOURCES.md and /work/shared/standards/edc/SOURCES.md.
PINNED_CONTEXTS: dict[str, PinnedContext] = {
    "https://www.w3.org/ns/credentials/v2": PinnedContext(
        "credentials-v2.jsonld", "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"
    ),
    "https://www.w3.org/ns/credentials/examples/v2": PinnedContext(
        "credentials-examples-v2.jsonld", "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": PinnedContext(
        "ob-v3p0-context-3.0.3.json", "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": PinnedContext(
        "ob-v3p0-extensions.json", "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"
    ),
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": PinnedContext(
        "clr-v2p0-context-2.0.1.json", "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"
    ),
    "https://w3id.org/security/data-integrity/v2": PinnedContext(
        "data-integrity-v2.jsonld", "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"
    ),
    "https://w3id.org/security/multikey/v1": PinnedContext(
        "multikey-v1.jsonld", "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"
    ),
    "https://www.w3.org/ns/did/v1": PinnedContext(
        "did-v1.jsonld", "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f"
    ),
    "https://www.w3.org/ns/credentials/status/v1": PinnedContext(
        "vc-bitstring-status-list-v1.jsonld", "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c"
    ),
    "https://www.w3.org/2018/credentials/v1": PinnedContext(
        "credentials-v1.jsonld", "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8"
    ),
    "http://data.europa.eu/snb/model/context/edc-ap": PinnedContext(
        "edc-ap-context-elm-3.2.jsonld", "fde0b3fd92e98a8870c173fb98baff361be6dd07e44653a9a5ac6c0fe626b411"
    ),
}

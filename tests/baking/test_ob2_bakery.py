"""OB 2.0 assertions baked by openbadges-bakery (the reference OB 2.0 baker) are read back as version 2."""

from __future__ import annotations

import io
import json

import pytest
from openbadges_bakery import png_bakery, svg_bakery

from mc_lms_bridge.baking import bake_png, bake_svg, unbake_png, unbake_svg

from .helpers import sample_jwt, split_chunks, tiny_png

HOSTED = {
    "@context": "https://w3id.org/openbadges/v2",
    "type": "Assertion",
    "id": "https://example.org/assertions/123",
    "recipient": {"type": "email", "hashed": False, "identity": "zoë@example.org"},
    "badge": "https://example.org/badges/data-literacy",
    "verification": {"type": "hosted"},
    "issuedOn": "2025-07-01T08:00:00Z",
}
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rfc3986")
PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


def bakery_png(assertion: str, png: bytes | None = None) -> bytes:
    out = io.BytesIO()
    png_bakery.bake(io.BytesIO(png or tiny_png()), assertion, out)
    return out.getvalue()


def bakery_svg(assertion: str, svg: str = PLAIN_SVG) -> str:
    out = io.BytesIO()
    svg_bakery.bake(io.BytesIO(svg.encode()), assertion, out)
    return out.getvalue().decode("utf-8")


@pytest.mark.parametrize("assertion", [json.dumps(HOSTED, ensure_ascii=False), sample_jwt(), HOSTED["id"]])
def test_png_baked_by_bakery_reads_as_version_2(assertion):
    baked = bakery_png(assertion)
    assert png_bakery.unbake(io.BytesIO(baked)) == assertion  # the reference reads its own output
    result = unbake_png(baked)
    assert result.version == 2 and result.text == assertion
    assert result.payload == (HOSTED if assertion.startswith("{") else assertion)


@pytest.mark.parametrize(
    "assertion, expected",
    [(json.dumps(HOSTED), HOSTED["id"]), (sample_jwt(), sample_jwt())],
    ids=["hosted-json", "signed-jws"],
)
def test_svg_baked_by_bakery_reads_as_version_2_like_bakery_itself(assertion, expected):
    baked = bakery_svg(assertion)
    assert svg_bakery.unbake(io.BytesIO(baked.encode())) == expected
    result = unbake_svg(baked)
    # bakery writes a verify attribute (hosted URL or JWS); it wins over the CDATA body, as in bakery's unbake
    assert (result.version, result.payload) == (2, expected)


def test_ob3_baked_over_an_ob2_png_keeps_both_and_bakery_still_reads_ob2():
    ob2 = bakery_png(json.dumps(HOSTED))
    both = bake_png(ob2, {"type": ["VerifiableCredential", "OpenBadgeCredential"]})
    assert unbake_png(both).version == 3
    assert unbake_png(both, version=2).payload == HOSTED
    assert json.loads(png_bakery.unbake(io.BytesIO(both))) == HOSTED
    assert sum(kind == b"iTXt" for kind, _ in split_chunks(both)) == 2


def test_bakery_does_not_see_an_ob3_only_png():
    assert png_bakery.unbake(io.BytesIO(bake_png(tiny_png(), {"a": 1}))) is None


def test_ob3_baked_over_an_ob2_svg_keeps_the_ob2_namespace_and_both_read_back():
    ob2 = bakery_svg(sample_jwt())
    both = bake_svg(ob2, {"type": ["VerifiableCredential", "OpenBadgeCredential"]})
    assert unbake_svg(both).payload == {"type": ["VerifiableCredential", "OpenBadgeCredential"]}
    assert unbake_svg(both, version=2).payload == sample_jwt()
    assert 'xmlns:openbadges="http://openbadges.org"' in both  # re-declared on the OB 2.0 element

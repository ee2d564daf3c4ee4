"""Property tests: random PNG chunk layouts and unicode credentials survive bake/unbake exactly."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mc_lms_bridge.baking import bake_png, bake_svg, unbake_png, unbake_svg

from .helpers import IEND, SIGNATURE, chunk, idat, ihdr, itxt, split_chunks

ANCILLARY_TYPES = st.sampled_from([b"tEXt", b"zTXt", b"iTXt", b"pHYs", b"gAMA", b"tIME", b"prVt", b"abCd"])
ANCILLARY = st.tuples(ANCILLARY_TYPES, st.binary(max_size=64)).map(lambda pair: chunk(*pair))
OLD_BADGES = st.sampled_from([itxt(b"openbadgecredential", '{"old": true}'), chunk(b"tEXt", b"openbadgecredential\0x"),
                              itxt(b"openbadgecredential", "a.b.c", language=b"en")])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=12,
)
# st.text() includes U+FFFE/U+FFFF, which a dict credential must get JSON-escaped to stay writable
CREDENTIALS = st.dictionaries(st.text(), JSON_VALUES, min_size=1, max_size=5)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def png_layouts(draw):
    """A valid PNG: IHDR, ancillary and old badge chunks before and after 1-3 IDAT chunks, IEND."""
    before = draw(st.lists(ANCILLARY | OLD_BADGES, max_size=4))
    after = draw(st.lists(ANCILLARY | OLD_BADGES, max_size=4))
    data = idat()[8:-4]  # split one zlib stream over several IDAT chunks
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=2)))
    pieces = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    return SIGNATURE + ihdr() + b"".join(before) + b"".join(chunk(b"IDAT", p) for p in pieces) + b"".join(after) + IEND


def is_badge(kind_data: tuple[bytes, bytes]) -> bool:
    kind, data = kind_data
    return kind in (b"iTXt", b"tEXt", b"zTXt") and data.startswith(b"openbadgecredential\0")


@SETTINGS
@given(png_layouts(), CREDENTIALS)
def test_png_bake_keeps_every_other_chunk_and_round_trips(png, credential):
    baked = bake_png(png, credential)
    before, after = split_chunks(png), split_chunks(baked)
    assert [c for c in after if not is_badge(c)] == [c for c in before if not is_badge(c)]
    assert [is_badge(c) for c in after] == [False] * (len(after) - 2) + [True, False]
    result = unbake_png(baked)
    assert result.version == 3 and result.payload == credential
    assert unbake_png(bake_png(baked, result.text)).text == result.text


@SETTINGS
@given(png_layouts(), CREDENTIALS, st.sampled_from([None, 2]), st.booleans())
def test_png_credential_text_round_trips_byte_identically(png, credential, indent, ascii_only):
    text = json.dumps(credential, indent=indent, ensure_ascii=ascii_only)
    assume("\ufffe" not in text and "\uffff" not in text)  # refused in a str (a dict gets them JSON-escaped)
    assert unbake_png(bake_png(png, text)).text == text


@SETTINGS
@given(CREDENTIALS, st.booleans())
def test_svg_credential_round_trips(credential, ascii_only):
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>é ✓</title></svg>'
    assert unbake_svg(bake_svg(svg, credential)).payload == credential
    text = json.dumps(credential, ensure_ascii=ascii_only)
    assume("\ufffe" not in text and "\uffff" not in text)
    assert unbake_svg(bake_svg(bake_svg(svg, text), text)).text == text

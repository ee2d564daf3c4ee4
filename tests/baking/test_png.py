"""bake_png / unbake_png on the official 1EdTech sample, hand-built PNGs and damaged input."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from mc_lms_bridge.baking import (
    BakedCredentialTooLarge,
    DuplicateBakedCredential,
    InvalidCredential,
    MalformedChunk,
    NoBakedCredential,
    NotAPng,
    bake_png,
    unbake_png,
)
from mc_lms_bridge.baking.limits import MAX_CREDENTIAL_BYTES

from .helpers import IEND, SIGNATURE, chunk, itxt, sample_json, sample_jwt, sample_png, split_chunks, tiny_png

OB3_HEADER = b"openbadgecredential\0\0\0\0\0"


def badge_chunks(png: bytes, keyword: bytes = b"openbadgecredential") -> list[bytes]:
    return [data for kind, data in split_chunks(png) if kind in (b"iTXt", b"tEXt") and data.startswith(keyword + b"\0")]


def pixels(png: bytes) -> tuple:
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return image.size, image.mode, image.tobytes()


def test_official_sample_unbakes_to_the_sample_credential():
    baked = unbake_png(sample_png())
    assert baked.version == 3 and isinstance(baked.payload, dict)
    expected = sample_json()
    # The 1EdTech baked sample carries the simple.json credential with a different (older) proof.
    assert {**baked.payload, "proof": None} == {**expected, "proof": None}
    assert baked.payload["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    assert baked.text == badge_chunks(sample_png())[0][len(OB3_HEADER):].decode()


def test_rebaking_the_sample_round_trips_the_exact_text_and_keeps_one_chunk():
    original = unbake_png(sample_png())
    rebaked = bake_png(sample_png(), original.text)
    assert unbake_png(rebaked).text == original.text
    assert len(badge_chunks(rebaked)) == 1
    assert [kind for kind, _ in split_chunks(rebaked)] == [kind for kind, _ in split_chunks(sample_png())]
    assert rebaked == sample_png()  # the sample already has the chunk just before IEND, uncompressed, no language


def test_baked_chunk_layout_is_uncompressed_itxt_just_before_iend():
    baked = bake_png(tiny_png(), {"name": "Données ✓"})
    kinds = [kind for kind, _ in split_chunks(baked)]
    assert kinds == [b"IHDR", b"IDAT", b"iTXt", b"IEND"]
    data = split_chunks(baked)[2][1]
    assert data.startswith(OB3_HEADER)
    assert json.loads(data[len(OB3_HEADER):].decode("utf-8")) == {"name": "Données ✓"}
    assert pixels(baked) == pixels(tiny_png())


def test_baking_a_jws_stores_the_compact_jws():
    baked = bake_png(sample_png(), sample_jwt())
    assert badge_chunks(baked) == [OB3_HEADER + sample_jwt().encode()]
    result = unbake_png(baked)
    assert (result.version, result.payload, result.text) == (3, sample_jwt(), sample_jwt())
    assert pixels(baked) == pixels(sample_png())


def test_existing_credential_chunks_are_replaced_wherever_they_are():
    png = tiny_png(itxt(b"openbadgecredential", '{"old": 1}'), chunk(b"tEXt", b"openbadgecredential\0{}"))
    baked = bake_png(png, {"new": 2})
    assert len(badge_chunks(baked)) == 1
    assert unbake_png(baked).payload == {"new": 2}


def test_other_text_chunks_and_ob2_chunks_are_kept_in_order():
    png = tiny_png(chunk(b"tEXt", b"Comment\0hello"), itxt(b"openbadges", "https://example.org/a/1"))
    baked = bake_png(png, {"new": 2})
    kinds = [(kind, data.split(b"\0")[0]) for kind, data in split_chunks(baked)]
    assert kinds == [(b"IHDR", kinds[0][1]), (b"tEXt", b"Comment"), (b"iTXt", b"openbadges"),
                     (b"IDAT", kinds[3][1]), (b"iTXt", b"openbadgecredential"), (b"IEND", b"")]
    assert unbake_png(baked).version == 3
    assert unbake_png(baked, version=2).payload == "https://example.org/a/1"


@pytest.mark.parametrize("data", [b"", b"GIF89a....", SIGNATURE[:7], "not bytes"])
def test_not_a_png(data):
    with pytest.raises(NotAPng):
        unbake_png(data)
    with pytest.raises(NotAPng):
        bake_png(data, {"a": 1})


def test_bad_crc_is_refused():
    png = bytearray(tiny_png(itxt(b"openbadgecredential", "{}")))
    png[-20] ^= 0xFF  # inside the IDAT data
    with pytest.raises(MalformedChunk, match="CRC"):
        unbake_png(bytes(png))
    with pytest.raises(MalformedChunk, match="CRC"):
        bake_png(bytes(png), {})


@pytest.mark.parametrize(
    "png, message",
    [
        (tiny_png()[:-6], "truncated"),
        (tiny_png() + b"junk", "follow the IEND"),
        (SIGNATURE + chunk(b"tEXt", b"a\0b") + tiny_png()[8:], "first chunk"),
        (SIGNATURE + b"\x80\x00\x00\x00IDAT", "over 2\\^31"),
        (SIGNATURE + chunk(b"ID1T", b""), "invalid chunk type"),
        (SIGNATURE + tiny_png()[8:-12], "truncated"),
    ],
)
def test_damaged_structure_is_refused(png, message):
    with pytest.raises(MalformedChunk, match=message):
        unbake_png(png)


def test_compressed_credential_chunk_is_refused():
    png = tiny_png(itxt(b"openbadgecredential", '{"a": 1}', compressed=True))
    with pytest.raises(MalformedChunk, match="compressed"):
        unbake_png(png)


def test_credential_in_a_text_chunk_is_refused_and_invalid_utf8_too():
    with pytest.raises(MalformedChunk, match="iTXt"):
        unbake_png(tiny_png(chunk(b"tEXt", b"openbadgecredential\0{}")))
    with pytest.raises(MalformedChunk, match="UTF-8"):
        unbake_png(tiny_png(chunk(b"iTXt", OB3_HEADER + b"\xff\xfe")))
    with pytest.raises(MalformedChunk, match="terminator"):
        unbake_png(tiny_png(chunk(b"iTXt", b"openbadgecredential\0\0\0en")))


def test_language_tag_and_translated_keyword_are_skipped_when_reading():
    png = tiny_png(chunk(b"iTXt", b"openbadgecredential\0\0\0en\0Credential\0{\"a\": 1}"))
    assert unbake_png(png).payload == {"a": 1}


def test_two_credential_chunks_are_refused_when_reading():
    png = tiny_png(itxt(b"openbadgecredential", "{}"), itxt(b"openbadgecredential", '{"a": 1}'))
    with pytest.raises(DuplicateBakedCredential):
        unbake_png(png)


def test_no_credential():
    with pytest.raises(NoBakedCredential):
        unbake_png(tiny_png(chunk(b"tEXt", b"Comment\0openbadgecredential")))
    with pytest.raises(NoBakedCredential):
        unbake_png(bake_png(tiny_png(), {"a": 1}), version=2)
    with pytest.raises(ValueError, match="version"):
        unbake_png(tiny_png(), version=1)


def test_size_limits():
    big = {"blob": "x" * MAX_CREDENTIAL_BYTES}
    with pytest.raises(BakedCredentialTooLarge):
        bake_png(tiny_png(), big)
    with pytest.raises(BakedCredentialTooLarge):
        unbake_png(tiny_png(itxt(b"openbadgecredential", json.dumps(big))))


@pytest.mark.parametrize(
    "credential",
    [["not", "an", "object"], "plain text", '["json", "array"]', "", '{"a": NaN', {"a": float("nan")},
     {"a": {1, 2}}, b"{}"],
)
def test_invalid_credentials_are_refused(credential):
    with pytest.raises(InvalidCredential):
        bake_png(tiny_png(), credential)


def test_baked_non_json_non_jws_text_is_refused():
    with pytest.raises(InvalidCredential):
        unbake_png(tiny_png(itxt(b"openbadgecredential", "https://example.org/not-for-ob3")))


def test_iend_is_kept_last_even_after_several_bakes():
    png = tiny_png()
    for number in range(3):
        png = bake_png(png, {"n": number})
    assert [kind for kind, _ in split_chunks(png)][-2:] == [b"iTXt", b"IEND"]
    assert split_chunks(png)[-1] == (b"IEND", b"") and png.endswith(IEND)
    assert unbake_png(png).payload == {"n": 2}

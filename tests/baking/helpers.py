"""Sample files and small PNG builders shared by the baking tests."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "baking"
SAMPLE_PNG = DATA / "1edtech-validator-ob30-simple-json.png"
SAMPLE_SVG = DATA / "1edtech-validator-ob30-simple-json.svg"
SAMPLE_JSON = DATA / "1edtech-validator-ob30-simple.json"
SAMPLE_JWT = DATA / "1edtech-validator-ob30-simple.jwt"
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def sample_png() -> bytes:
    return SAMPLE_PNG.read_bytes()


def sample_svg() -> str:
    return SAMPLE_SVG.read_text(encoding="utf-8")


def sample_json() -> dict:
    return json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))


def sample_jwt() -> str:
    return SAMPLE_JWT.read_text(encoding="ascii").strip()


def chunk(chunk_type: bytes, data: bytes) -> bytes:
    """One encoded chunk, written independently of the code under test."""
    return struct.pack(">I", len(data)) + chunk_type + data + struct.pack(">I", zlib.crc32(chunk_type + data))


def ihdr(width: int = 2, height: int = 1) -> bytes:
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))


def idat(width: int = 2, height: int = 1) -> bytes:
    rows = b"".join(b"\x00" + bytes([200, 30, 60]) * width for _ in range(height))
    return chunk(b"IDAT", zlib.compress(rows))


IEND = chunk(b"IEND", b"")


def tiny_png(*middle: bytes) -> bytes:
    """A valid 2x1 RGB PNG with ``middle`` chunks between IHDR and the image data."""
    return SIGNATURE + ihdr() + b"".join(middle) + idat() + IEND


def itxt(keyword: bytes, text: str, *, compressed: bool = False, language: bytes = b"") -> bytes:
    body = zlib.compress(text.encode()) if compressed else text.encode()
    return chunk(b"iTXt", keyword + b"\0" + bytes([int(compressed), 0]) + language + b"\0\0" + body)


def split_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk, parsed independently of the code under test, CRCs asserted."""
    assert png[:8] == SIGNATURE
    chunks, position = [], 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        chunk_type = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", png[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(chunk_type + data), chunk_type
        chunks.append((chunk_type, data))
        position += 12 + length
    assert position == len(png)
    return chunks

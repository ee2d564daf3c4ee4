"""Shared helpers for the badge tests: parsing rendered SVG and building a tiny real PNG."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """Parse rendered SVG with the standard library (fails the test on malformed XML)."""
    return ET.fromstring(svg.encode("utf-8"))


def all_text(root: ET.Element) -> str:
    """Every text node of the document, joined by spaces."""
    return " ".join(t for t in root.itertext() if t.strip())


def slot_text(root: ET.Element, first_word_holder: str) -> str:
    """Text of the <text> element whose content contains ``first_word_holder`` (tspans joined by spaces)."""
    for element in root.iter(f"{SVG}text"):
        joined = " ".join(t for t in element.itertext())
        if first_word_holder in joined:
            return joined
    raise AssertionError(f"no <text> holds {first_word_holder!r}")


def attributes(root: ET.Element) -> list[tuple[str, str, str]]:
    """(tag, attribute name, value) for every attribute in the document."""
    return [(e.tag, k, v) for e in root.iter() for k, v in e.attrib.items()]


def tiny_png(width: int = 4, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 40)) -> bytes:
    """A valid, solid-colour RGB PNG built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def ihdr_size(png: bytes) -> tuple[int, int]:
    """Width and height read straight from the IHDR chunk (independent of the code under test)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])

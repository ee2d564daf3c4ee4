"""Bake an Open Badges credential into a PNG ``iTXt`` chunk and read it (or an OB 2.0 assertion) back."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from .errors import (
    BakedCredentialTooLarge,
    DuplicateBakedCredential,
    MalformedChunk,
    NoBakedCredential,
    NotAPng,
)
from .limits import MAX_CREDENTIAL_BYTES, MAX_IMAGE_BYTES
from .payload import OB2, OB3, BakedPayload, check_version, credential_text, parse_payload

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OB3_KEYWORD = b"openbadgecredential"
OB2_KEYWORD = b"openbadges"
KEYWORDS = {OB3: OB3_KEYWORD, OB2: OB2_KEYWORD}
TEXT_CHUNKS = (b"iTXt", b"tEXt", b"zTXt")
MAX_CHUNK_LENGTH = 2**31 - 1


@dataclass(frozen=True)
class Chunk:
    """One PNG chunk: its four-letter type and its data."""

    type: bytes
    data: bytes

    def encode(self) -> bytes:
        """Length, type, data and CRC-32 over type and data, as the PNG format lays them out."""
        crc = zlib.crc32(self.type + self.data) & 0xFFFFFFFF
        return struct.pack(">I", len(self.data)) + self.type + self.data + struct.pack(">I", crc)

    @property
    def keyword(self) -> bytes | None:
        """The keyword of a text chunk (``iTXt``, ``tEXt``, ``zTXt``); ``None`` for other chunks."""
        if self.type not in TEXT_CHUNKS:
            return None
        keyword, separator, _ = self.data.partition(b"\0")
        return keyword if separator else None


def read_chunks(png_bytes: bytes) -> list[Chunk]:
    """Every chunk from IHDR to IEND, with CRCs checked; :class:`MalformedChunk` for any damage."""
    if not isinstance(png_bytes, bytes | bytearray | memoryview):
        raise NotAPng(f"expected PNG bytes, got {type(png_bytes).__name__}")
    data = bytes(png_bytes)
    if len(data) > MAX_IMAGE_BYTES:
        raise BakedCredentialTooLarge(f"the image is larger than {MAX_IMAGE_BYTES} bytes")
    if not data.startswith(PNG_SIGNATURE):
        raise NotAPng("the data does not start with the PNG signature")
    chunks, position = [], len(PNG_SIGNATURE)
    while True:
        if position + 8 > len(data):
            raise MalformedChunk(f"truncated chunk at byte {position}")
        length, chunk_type = struct.unpack(">I4s", data[position : position + 8])
        if length > MAX_CHUNK_LENGTH:
            raise MalformedChunk(f"chunk length {length} at byte {position} is over 2^31-1")
        if not chunk_type.isalpha() or not chunk_type.isascii():
            raise MalformedChunk(f"invalid chunk type {chunk_type!r} at byte {position}")
        end = position + 8 + length
        if end + 4 > len(data):
            raise MalformedChunk(f"chunk {chunk_type!r} at byte {position} is truncated")
        chunk_data = data[position + 8 : end]
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if crc != zlib.crc32(chunk_type + chunk_data) & 0xFFFFFFFF:
            raise MalformedChunk(f"chunk {chunk_type!r} at byte {position} has a bad CRC")
        if not chunks and chunk_type != b"IHDR":
            raise MalformedChunk("the first chunk is not IHDR")
        chunks.append(Chunk(chunk_type, chunk_data))
        position = end + 4
        if chunk_type == b"IEND":
            break
    if position != len(data):
        raise MalformedChunk(f"{len(data) - position} bytes follow the IEND chunk")
    return chunks


def itxt_chunk(keyword: bytes, text: str) -> Chunk:
    """An uncompressed ``iTXt`` chunk with no language tag and no translated keyword."""
    return Chunk(b"iTXt", keyword + b"\0\0\0\0\0" + text.encode("utf-8"))


def chunk_text(chunk: Chunk, version: int) -> str:
    """The text of an uncompressed ``iTXt`` (UTF-8) chunk, or OB 2.0's legacy ``tEXt`` (Latin-1); ``zTXt`` refused."""
    _, _, rest = chunk.data.partition(b"\0")
    if chunk.type == b"tEXt" and version == OB2:
        raw = rest
    elif chunk.type == b"iTXt":
        if len(rest) < 2 or rest[0] not in (0, 1):
            raise MalformedChunk("the iTXt chunk has no valid compression flag")
        if rest[0] == 1:
            raise MalformedChunk("the badge iTXt chunk is compressed, which Open Badges forbids")
        _language, found_language, rest = rest[2:].partition(b"\0")
        _translated, found_translated, raw = rest.partition(b"\0")
        if not (found_language and found_translated):
            raise MalformedChunk("the iTXt chunk lacks its language tag or translated keyword terminator")
    else:
        raise MalformedChunk(f"a badge must be baked in an iTXt chunk, not {chunk.type.decode()}")
    if len(raw) > MAX_CREDENTIAL_BYTES:
        raise BakedCredentialTooLarge(f"the baked credential is larger than {MAX_CREDENTIAL_BYTES} bytes")
    try:
        return raw.decode("utf-8") if chunk.type == b"iTXt" else raw.decode("latin-1")
    except UnicodeDecodeError:
        raise MalformedChunk("the badge iTXt chunk is not valid UTF-8") from None


def bake_png(png_bytes: bytes, credential: dict | str) -> bytes:
    """The PNG with ``credential`` in one ``openbadgecredential`` iTXt chunk just before IEND.

    Any earlier ``openbadgecredential`` text chunk is dropped (a PNG must not carry two); every other chunk,
    OB 2.0 ``openbadges`` chunks included, is kept byte for byte and in order.
    """
    text = credential_text(credential)
    chunks = read_chunks(png_bytes)
    kept = [chunk for chunk in chunks[:-1] if chunk.keyword != OB3_KEYWORD]
    baked = [*kept, itxt_chunk(OB3_KEYWORD, text), chunks[-1]]
    return PNG_SIGNATURE + b"".join(chunk.encode() for chunk in baked)


def _badge_chunk(chunks: list[Chunk], version: int) -> Chunk | None:
    matching = [chunk for chunk in chunks if chunk.keyword == KEYWORDS[version]]
    if version == OB2:  # OB 1.0 bakers wrote tEXt; like openbadges-bakery, prefer iTXt when both are there
        matching = [chunk for chunk in matching if chunk.type == b"iTXt"] or matching
    if len(matching) > 1:
        raise DuplicateBakedCredential(f"the PNG holds {len(matching)} {KEYWORDS[version].decode()} chunks")
    return matching[0] if matching else None


def unbake_png(png_bytes: bytes, *, version: int | None = None) -> BakedPayload:
    """The credential baked in a PNG: OB 3.0 ``openbadgecredential`` first, else an OB 2.0 ``openbadges`` one.

    ``version`` (3 or 2) restricts the search to one version. Raises :class:`NoBakedCredential` when absent.
    """
    versions = check_version(version)
    chunks = read_chunks(png_bytes)
    for candidate in versions:
        chunk = _badge_chunk(chunks, candidate)
        if chunk is not None:
            return parse_payload(chunk_text(chunk, candidate), candidate)
    raise NoBakedCredential("the PNG carries no Open Badges credential")

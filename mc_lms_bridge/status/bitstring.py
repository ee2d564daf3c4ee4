"""Bitstring Status List bitstrings: create, read and set bits, and GZIP + multibase base64url encode/decode.

Bit order follows W3C Bitstring Status List v1.0 section 2.2: index 0 is the left-most bit of the
bitstring, i.e. the most significant bit (mask 0x80) of the first byte.

Encoding is reproducible: the GZIP member has mtime 0, no file name, XFL 2 (maximum compression)
and OS 3 (Unix), and the DEFLATE stream is zlib level 9. These are the bytes Python 3.11's
``gzip.compress(bits, compresslevel=9, mtime=0)`` writes on Linux; the header is written here by
hand so the output does not depend on the Python version.
"""

import base64
import re
import struct
import zlib

MIN_BITS = 131_072  # 16 KiB uncompressed, the minimum of the specification.
MAX_DECODED_BYTES = 16 * 1024 * 1024  # refuse GZIP bombs; a real list is 16 KiB to a few MiB.
MULTIBASE_BASE64URL_PREFIX = "u"

_GZIP_HEADER = bytes([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x02, 0x03])
_BASE64URL_NO_PAD = re.compile(r"[A-Za-z0-9_-]*")


class BitstringError(ValueError):
    """Base class for every bitstring status list error."""


class BitstringSizeError(BitstringError):
    """A new or decoded bitstring has fewer than 131,072 bits or is not a whole number of bytes."""


class BitstringTooLargeError(BitstringError):
    """A decoded bitstring would exceed the decompression limit."""


class MultibasePrefixError(BitstringError):
    """The encoded list does not start with the multibase base64url prefix 'u'."""


class Base64UrlError(BitstringError):
    """The encoded list is not valid unpadded base64url."""


class GzipError(BitstringError):
    """The decoded bytes are not one complete GZIP member."""


class BitIndexError(BitstringError, IndexError):
    """A bit index is negative, not an integer, or beyond the end of the bitstring."""


def new_list(size: int = MIN_BITS) -> bytearray:
    """Return an all-zero bitstring of ``size`` bits (a multiple of 8, at least 131,072)."""
    if isinstance(size, bool) or not isinstance(size, int):
        raise BitstringSizeError("The bitstring size must be an integer number of bits.")
    if size < MIN_BITS:
        raise BitstringSizeError(f"A status list needs at least {MIN_BITS} bits, got {size}.")
    if size % 8:
        raise BitstringSizeError(f"The bitstring size must be a multiple of 8 bits, got {size}.")
    return bytearray(size // 8)


def _byte_and_mask(bits: bytes | bytearray, index: int) -> tuple[int, int]:
    if isinstance(index, bool) or not isinstance(index, int):
        raise BitIndexError("A bit index must be an integer.")
    length = len(bits) * 8
    if not 0 <= index < length:
        raise BitIndexError(f"Bit index {index} is outside the bitstring of {length} bits.")
    return index // 8, 0x80 >> (index % 8)


def get_bit(bits: bytes | bytearray, index: int) -> bool:
    """Return True when the bit at ``index`` (0 = most significant bit of byte 0) is set."""
    byte, mask = _byte_and_mask(bits, index)
    return bool(bits[byte] & mask)


def set_bit(bits: bytearray, index: int, value: bool = True) -> None:
    """Set (or clear, with ``value=False``) the bit at ``index`` in place."""
    byte, mask = _byte_and_mask(bits, index)
    if value:
        bits[byte] |= mask
    else:
        bits[byte] &= ~mask & 0xFF


def gzip_reproducible(data: bytes) -> bytes:
    """Return one GZIP member of ``data`` with fixed header fields (mtime 0, XFL 2, OS 3), level 9."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS, 8, zlib.Z_DEFAULT_STRATEGY)
    body = compressor.compress(data) + compressor.flush()
    trailer = struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)
    return _GZIP_HEADER + body + trailer


def encode_list(bits: bytes | bytearray) -> str:
    """Encode a bitstring as ``encodedList``: GZIP, then base64url without padding, prefixed 'u'."""
    if not isinstance(bits, bytes | bytearray):
        raise BitstringSizeError("The bitstring must be bytes.")
    if len(bits) * 8 < MIN_BITS:
        raise BitstringSizeError(f"A status list needs at least {MIN_BITS} bits, got {len(bits) * 8}.")
    compressed = gzip_reproducible(bytes(bits))
    return MULTIBASE_BASE64URL_PREFIX + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def _base64url_decode(text: str) -> bytes:
    if not _BASE64URL_NO_PAD.fullmatch(text) or len(text) % 4 == 1 or not text:
        raise Base64UrlError("The encoded list is not unpadded base64url text.")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _gunzip_one_member(data: bytes) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_DECODED_BYTES + 1)
    except zlib.error:
        raise GzipError("The encoded list is not valid GZIP data.") from None
    if len(out) > MAX_DECODED_BYTES:
        raise BitstringTooLargeError(f"The decoded status list exceeds {MAX_DECODED_BYTES} bytes.")
    if not decompressor.eof:
        raise GzipError("The GZIP data of the encoded list is truncated.")
    if decompressor.unused_data:
        raise GzipError("The encoded list has bytes after its GZIP member.")
    return out


def decode_list(encoded: str) -> bytearray:
    """Decode an ``encodedList`` into the bitstring; checks prefix, base64url, GZIP and minimum size."""
    if not isinstance(encoded, str):
        raise MultibasePrefixError("The encoded list must be a string starting with 'u'.")
    if not encoded.startswith(MULTIBASE_BASE64URL_PREFIX):
        raise MultibasePrefixError("The encoded list must start with the multibase base64url prefix 'u'.")
    bits = _gunzip_one_member(_base64url_decode(encoded[1:]))
    if len(bits) * 8 < MIN_BITS:
        raise BitstringSizeError(f"The decoded status list has {len(bits) * 8} bits, fewer than {MIN_BITS}.")
    return bytearray(bits)

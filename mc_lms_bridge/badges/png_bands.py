"""PNG encoding of images that differ from one background only in a band of rows, reusing the background's deflate.

A PNG's pixels are one zlib stream of filtered rows. Deflate output made by a fresh compressor and ended with a full
flush refers to nothing before it, so the compressed rows above and below a band can be made once per background
and joined with the freshly compressed band; only the Adler-32 of the whole is computed per image.
"""

from __future__ import annotations

import struct
import threading
import zlib
from collections import OrderedDict

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KiB window, "fastest" level hint; 0x7801 is a multiple of 31
ROW_FILTER_NONE = b"\x00"
BAND_ALIGNMENT = 16  # bands are widened to multiples of this many rows, so few prefix/suffix variants exist
_CACHED_SEGMENTS = 32


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


def _deflate(raw: bytes, *, level: int, final: bool) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(raw) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def filtered_rows(rgb: bytes, width: int) -> bytes:
    """PNG scanlines of packed RGB rows, each with filter type 0 (None) in front."""
    stride = 3 * width
    return b"".join(ROW_FILTER_NONE + rgb[offset:offset + stride] for offset in range(0, len(rgb), stride))


def aligned_band(first_row: int, last_row: int, height: int) -> tuple[int, int]:
    """The band [start, end) that holds rows first..last, widened to BAND_ALIGNMENT boundaries."""
    start = (first_row // BAND_ALIGNMENT) * BAND_ALIGNMENT
    end = min(height, -(-(last_row + 1) // BAND_ALIGNMENT) * BAND_ALIGNMENT)
    return start, end


class BandedPngEncoder:
    """Encodes RGB images equal to ``background`` outside one horizontal band of rows (thread-safe)."""

    def __init__(self, background_rgb: bytes, width: int, height: int, *, level: int = 1):
        if len(background_rgb) != 3 * width * height:
            raise ValueError("The background is not width x height packed RGB pixels.")
        self.width, self.height, self.level = width, height, level
        self._scanlines = filtered_rows(background_rgb, width)
        self._header = PNG_SIGNATURE + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        self._prefixes: OrderedDict[int, tuple[bytes, int]] = OrderedDict()
        self._suffixes: OrderedDict[int, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def _rows(self, start: int, end: int) -> bytes:
        line = 1 + 3 * self.width
        return self._scanlines[start * line:end * line]

    def _prefix(self, start: int) -> tuple[bytes, int]:
        """Compressed rows above the band (not final) and their running Adler-32."""
        with self._lock:
            hit = self._prefixes.get(start)
        if hit is None:
            raw = self._rows(0, start)
            hit = (_deflate(raw, level=self.level, final=False), zlib.adler32(raw))
            self._remember(self._prefixes, start, hit)
        return hit

    def _suffix(self, end: int) -> bytes:
        """Compressed rows below the band, ending the deflate stream."""
        with self._lock:
            hit = self._suffixes.get(end)
        if hit is None:
            hit = _deflate(self._rows(end, self.height), level=self.level, final=True)
            self._remember(self._suffixes, end, hit)
        return hit

    def _remember(self, cache: OrderedDict, key: int, value) -> None:
        with self._lock:
            cache[key] = value
            while len(cache) > _CACHED_SEGMENTS:
                cache.popitem(last=False)

    def encode(self, start: int, band_rgb: bytes) -> bytes:
        """The PNG whose rows ``start ..`` are ``band_rgb`` (packed RGB, whole rows) and the background elsewhere."""
        stride = 3 * self.width
        if len(band_rgb) % stride:
            raise ValueError("The band is not made of whole rows.")
        end = start + len(band_rgb) // stride
        if not 0 <= start <= end <= self.height:
            raise ValueError(f"The band rows {start}..{end} are outside the image.")
        prefix, checksum = self._prefix(start)
        band = filtered_rows(band_rgb, self.width)
        checksum = zlib.adler32(self._rows(end, self.height), zlib.adler32(band, checksum))
        stream = (ZLIB_HEADER + prefix + _deflate(band, level=self.level, final=False) + self._suffix(end)
                  + struct.pack(">I", checksum))
        return self._header + _chunk(b"IDAT", stream) + _chunk(b"IEND", b"")

"""PNGs joined from a background's cached compressed rows and a fresh band decode to exactly the intended pixels."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from mc_lms_bridge.badges.png_bands import BandedPngEncoder, aligned_band

WIDTH, HEIGHT = 37, 50


def noise(rows: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(3 * WIDTH * rows)


def decoded(png: bytes) -> bytes:
    image = Image.open(io.BytesIO(png))
    image.load()  # checks every chunk CRC and the zlib Adler-32
    assert image.mode == "RGB" and image.size == (WIDTH, HEIGHT)
    return image.tobytes()


@pytest.mark.parametrize(("start", "rows"), [(0, 5), (16, 16), (45, 5), (0, 50), (20, 0), (49, 1)])
def test_banded_png_decodes_to_background_with_the_band_replaced(start, rows):
    background = noise(HEIGHT, 1)
    encoder = BandedPngEncoder(background, WIDTH, HEIGHT)
    band = noise(rows, 2 + start)
    line = 3 * WIDTH
    expected = background[:start * line] + band + background[(start + rows) * line:]
    assert decoded(encoder.encode(start, band)) == expected
    # a second image with the same band position reuses the cached segments and is still exact
    other = noise(rows, 99)
    expected_other = background[:start * line] + other + background[(start + rows) * line:]
    assert decoded(encoder.encode(start, other)) == expected_other


def test_bands_are_aligned_and_clipped_to_the_image():
    assert aligned_band(17, 17, 850) == (16, 32)
    assert aligned_band(0, 15, 850) == (0, 16)
    assert aligned_band(840, 849, 850) == (832, 850)


@pytest.mark.parametrize(("start", "band", "message"), [
    (0, b"\x00" * 5, "whole rows"), (45, noise(6, 3), "outside the image"), (-1, noise(1, 3), "outside the image")])
def test_bad_bands_are_refused(start, band, message):
    encoder = BandedPngEncoder(noise(HEIGHT, 1), WIDTH, HEIGHT)
    with pytest.raises(ValueError, match=message):
        encoder.encode(start, band)


def test_a_background_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError, match="width x height"):
        BandedPngEncoder(b"\x00" * 10, WIDTH, HEIGHT)

"""Multibase base58btc ('z' prefix) encoding and decoding, Bitcoin alphabet."""

from __future__ import annotations

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: position for position, char in enumerate(BASE58_ALPHABET)}


class MultibaseError(ValueError):
    """A multibase string is not valid base58btc."""


def base58_encode(data: bytes) -> str:
    """Encode bytes in base58 (Bitcoin alphabet); leading zero bytes become '1'."""
    zeros = len(data) - len(data.lstrip(b"\0"))
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(BASE58_ALPHABET[remainder])
    return "1" * zeros + "".join(reversed(digits))


def base58_decode(text: str) -> bytes:
    """Decode base58 (Bitcoin alphabet) text into bytes."""
    number = 0
    for char in text:
        position = _INDEX.get(char)
        if position is None:
            raise MultibaseError("The value contains a character outside the base58btc alphabet.")
        number = number * 58 + position
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def encode_base58btc(data: bytes) -> str:
    """Multibase base58btc: 'z' followed by base58 of the bytes."""
    return "z" + base58_encode(data)


def decode_base58btc(value: str) -> bytes:
    """Decode a multibase base58btc string (must start with 'z')."""
    if not isinstance(value, str) or not value.startswith("z") or len(value) < 2:
        raise MultibaseError("The value is not a multibase base58btc string (it must start with 'z').")
    return base58_decode(value[1:])

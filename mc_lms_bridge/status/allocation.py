"""Status list index allocation: a keyed permutation of [0, size) so indexes look random and never repeat."""

from __future__ import annotations

import math
import secrets


class StatusListFull(Exception):
    """Every index of the list has been handed out."""


def new_permutation(size: int) -> tuple[int, int]:
    """Random (multiplier, offset) with gcd(multiplier, size) == 1, so n -> (m*n + o) mod size is a bijection."""
    while True:
        multiplier = secrets.randbelow(size - 1) + 1
        if math.gcd(multiplier, size) == 1:
            return multiplier, secrets.randbelow(size)


def index_for(counter: int, *, size: int, multiplier: int, offset: int) -> int:
    """The index handed out as the ``counter``-th allocation (0-based)."""
    if not 0 <= counter < size:
        raise StatusListFull(f"All {size} indexes of this status list are allocated.")
    return (multiplier * counter + offset) % size

"""Turn a submitted credential (JSON bytes/text or a compact JWS) into a dict or a token, refusing bad input."""

from __future__ import annotations

import json
import re

MAX_DEPTH = 64
DEFAULT_MAX_BYTES = 1_000_000
_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_BOM = "\ufeff"


class CredentialInputError(ValueError):
    """The submitted credential cannot be read; the message is one sentence for the person who sent it."""


def _no_duplicates(pairs: list) -> dict:
    result = {}
    for key, value in pairs:
        if key in result:
            raise CredentialInputError(f"The JSON repeats the member name {key[:80]!r}.")
        result[key] = value
    return result


def _reject_constant(name: str) -> None:
    raise CredentialInputError(f"The JSON contains {name}, which is not a JSON number.")


def json_depth_exceeds(value: object, limit: int) -> bool:
    """True when arrays/objects nest deeper than ``limit`` levels (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def parse_credential_input(raw: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> dict | str:
    """Return the parsed JSON credential object, or the compact JWS string; raise ``CredentialInputError``."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise TypeError("max_bytes must be a positive integer.")
    if isinstance(raw, bytes | bytearray | memoryview):
        raw = bytes(raw)
        if len(raw) > max_bytes:
            raise CredentialInputError(f"The credential is larger than the limit of {max_bytes} bytes.")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CredentialInputError("The credential is not UTF-8 text.") from None
    elif isinstance(raw, str):
        text = raw
        if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise CredentialInputError(f"The credential is larger than the limit of {max_bytes} bytes.")
    else:
        raise TypeError("parse_credential_input takes bytes or str.")
    text = text.removeprefix(_BOM).strip()
    if not text:
        raise CredentialInputError("The credential is empty.")
    if _COMPACT_JWS.fullmatch(text):
        return text
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except RecursionError:
        raise CredentialInputError(f"The JSON nests deeper than {MAX_DEPTH} levels.") from None
    except json.JSONDecodeError as exc:
        raise CredentialInputError(
            f"The credential is neither JSON nor a compact JWS (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if not isinstance(value, dict):
        kind = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")
        raise CredentialInputError(f"The credential must be a JSON object, not {kind}.")
    if json_depth_exceeds(value, MAX_DEPTH):
        raise CredentialInputError(f"The JSON nests deeper than {MAX_DEPTH} levels.")
    return value

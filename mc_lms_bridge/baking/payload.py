"""What a baked image carries: the credential text to write, and the parsed payload read back."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .errors import BakedCredentialTooLarge, InvalidCredential
from .limits import MAX_CREDENTIAL_BYTES

OB3 = 3
OB2 = 2
VERSIONS = (OB3, OB2)

_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+")
_HTTP_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
# Lone surrogates cannot be written as UTF-8; U+FFFE/U+FFFF are not XML characters. JSON can escape all three.
_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class BakedPayload:
    """A credential read from an image: Open Badges ``version`` (3 or 2), the parsed ``payload`` and its exact ``text``.

    ``payload`` is a dict for JSON (an OB 3.0 credential with an embedded proof, or an OB 2.0 assertion) and a
    str for a compact JWS (VC-JWT, or a signed OB 2.0 assertion) or an OB 2.0 hosted-assertion URL.
    """

    version: int
    payload: dict | str
    text: str


def is_compact_jws(text: str) -> bool:
    """True when ``text`` has the shape of a compact JWS: three base64url segments, the payload may be empty."""
    return bool(_COMPACT_JWS.fullmatch(text))


def check_version(version: int | None) -> tuple[int, ...]:
    """The versions to look for, newest first; ``None`` means both."""
    if version is None:
        return VERSIONS
    if version not in VERSIONS:
        raise ValueError(f"version must be 3, 2 or None, got {version!r}")
    return (version,)


def check_size(text: str) -> None:
    """:class:`BakedCredentialTooLarge` when ``text`` is over the limit in UTF-8 (or as many characters)."""
    if len(text) > MAX_CREDENTIAL_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_CREDENTIAL_BYTES:
        raise BakedCredentialTooLarge(f"the credential is larger than {MAX_CREDENTIAL_BYTES} bytes")


def _escape_unwritable(text: str) -> str:
    return _UNWRITABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _load_json_object(text: str) -> dict:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidCredential(f"the credential is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise InvalidCredential("the credential JSON is not an object")
    return value


def credential_text(credential: dict | str) -> str:
    """The text to bake: a dict as compact UTF-8 JSON, a str (JSON object or compact JWS) exactly as given."""
    if isinstance(credential, dict):
        try:
            text = json.dumps(credential, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError, RecursionError) as exc:
            raise InvalidCredential(f"the credential cannot be serialised as JSON: {exc}") from None
        text = _escape_unwritable(text)
    elif isinstance(credential, str):
        text = credential
        check_size(text)
        if _UNWRITABLE.search(text):
            raise InvalidCredential("the credential text holds a lone surrogate or U+FFFE/U+FFFF")
        stripped = text.strip()
        if not is_compact_jws(stripped):
            _load_json_object(stripped)
    else:
        raise InvalidCredential(f"the credential must be a dict or a str, not {type(credential).__name__}")
    check_size(text)
    return text


def parse_payload(text: str, version: int) -> BakedPayload:
    """The :class:`BakedPayload` for text found in an image; :class:`InvalidCredential` when it is none of the forms."""
    check_size(text)
    stripped = text.strip()
    if stripped.startswith("{"):
        return BakedPayload(version, _load_json_object(stripped), text)
    if is_compact_jws(stripped):
        return BakedPayload(version, stripped, text)
    if version == OB2 and _HTTP_URL.fullmatch(stripped):
        return BakedPayload(version, stripped, text)
    raise InvalidCredential(f"the baked Open Badges {version} data is neither JSON, a compact JWS nor a URL")

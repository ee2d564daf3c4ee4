"""Pick one language out of multilingual record text, and format dates the way OB3 expects."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from .errors import OB3RecordError


def text_in(value: Mapping[str, str], language: str) -> str:
    """Return the text in ``language``, else in English, else in the first language present, else ""."""
    if not value:
        return ""
    return value.get(language) or value.get("en") or next(iter(value.values()))


def required_text_in(value: Mapping[str, str], language: str, what: str) -> str:
    """Like ``text_in`` but raise OB3RecordError naming ``what`` when there is no text at all."""
    text = text_in(value, language)
    if not text.strip():
        raise OB3RecordError(f"The {what} is empty in every language.")
    return text


def iso_datetime(moment: datetime, what: str) -> str:
    """Format a timezone-aware datetime as UTC ``YYYY-MM-DDTHH:MM:SSZ`` (the VC 2.0 dateTimeStamp form)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise OB3RecordError(f"The {what} must be a timezone-aware datetime, got a naive one: {moment!r}.")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def fragment_iri(base: str, fragment: str) -> str:
    """Return ``base`` (without any fragment) with ``#fragment`` appended."""
    return f"{base.split('#', 1)[0]}#{fragment}"


def with_query(base: str, name: str, value: str) -> str:
    """Return ``base`` (without any fragment) with one more query parameter."""
    bare = base.split("#", 1)[0]
    separator = "&" if "?" in bare else "?"
    return f"{bare}{separator}{name}={value}"

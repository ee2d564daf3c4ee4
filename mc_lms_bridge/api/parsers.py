"""Strict JSON parser: size limit (413), clear messages for malformed JSON, no NaN/NUL, bounded nesting."""

from __future__ import annotations

import json

from rest_framework import exceptions, parsers, status

from ..conf import app_settings

MAX_NESTING = 32


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _check_structure(value, depth: int = 0) -> None:
    """Refuse nesting deeper than MAX_NESTING and NUL characters (no database can store them in text)."""
    if depth > MAX_NESTING:
        raise exceptions.ParseError(f"JSON nested deeper than {MAX_NESTING} levels.")
    if isinstance(value, str):
        if "\x00" in value:
            raise exceptions.ParseError("JSON text contains a NUL character (\\u0000), which is not allowed.")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_structure(key, depth + 1)
            _check_structure(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_structure(item, depth + 1)


def read_limited_body(stream, parser_context) -> bytes:
    """The request body, refused with 413 when it is (or declares to be) over MAX_REQUEST_BYTES."""
    limit = app_settings.MAX_REQUEST_BYTES
    request = (parser_context or {}).get("request")
    declared = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
    if declared > limit:
        raise PayloadTooLarge(f"Request body is {declared} bytes; the limit is {limit} bytes.")
    body = stream.read(limit + 1) if stream is not None else b""
    if len(body) > limit:
        raise PayloadTooLarge(f"Request body exceeds the limit of {limit} bytes.")
    return body


class StrictJSONParser(parsers.JSONParser):
    """JSON parser that refuses oversized bodies before reading them, and reports where JSON is malformed."""

    def parse(self, stream, media_type=None, parser_context=None):
        raw = read_limited_body(stream, parser_context)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise exceptions.ParseError("Request body is not valid UTF-8.")
        try:
            value = json.loads(text, parse_constant=_refuse_constant)
        except json.JSONDecodeError as exc:
            raise exceptions.ParseError(f"Malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.")
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(f"Malformed JSON: {exc}.")
        _check_structure(value)
        return value

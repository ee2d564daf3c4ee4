"""Moodle's REST parameter encoding: nested lists and dicts become ``name[0][key]=value`` form fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode


def flatten_params(params: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Flatten params the way PHP parses form fields: lists by index, dicts by key, booleans as 1/0.

    ``{"options": [{"name": "limitfrom", "value": 0}]}`` -> ``[("options[0][name]", "limitfrom"),
    ("options[0][value]", "0")]``. ``None`` values are left out (Moodle then applies the parameter's default).
    """
    fields: list[tuple[str, str]] = []
    for key, value in params.items():
        name = f"{prefix}[{key}]" if prefix else str(key)
        fields.extend(_flatten_value(name, value))
    return fields


def _flatten_value(name: str, value: Any) -> list[tuple[str, str]]:
    if value is None:
        return []
    if isinstance(value, bool):
        return [(name, "1" if value else "0")]
    if isinstance(value, Mapping):
        return flatten_params(value, name)
    if isinstance(value, list | tuple):
        fields: list[tuple[str, str]] = []
        for index, item in enumerate(value):
            fields.extend(_flatten_value(f"{name}[{index}]", item))
        return fields
    return [(name, str(value))]


def encode_form(params: Mapping[str, Any]) -> bytes:
    """The application/x-www-form-urlencoded body for params."""
    return urlencode(flatten_params(params)).encode("ascii")

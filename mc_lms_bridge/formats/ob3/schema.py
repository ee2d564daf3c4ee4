"""Validate OB3 documents against the official 1EdTech JSON Schemas shipped as package data."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import jsonschema_rs
from jsonschema import Draft201909Validator

ACHIEVEMENT_CREDENTIAL_SCHEMA_FILE = "ob_v3p0_achievementcredential_schema.json"
PROFILE_SCHEMA_FILE = "ob_v3p0_profile_schema.json"


def schema_bytes(file_name: str) -> bytes:
    """Return the raw bytes of one shipped schema file."""
    return resources.files("mc_lms_bridge.formats.ob3").joinpath("schemas", file_name).read_bytes()


@cache
def schema_validator(file_name: str) -> Draft201909Validator:
    """Return a (cached) JSON Schema 2019-09 validator, with format checks, for one shipped schema."""
    schema = json.loads(schema_bytes(file_name))
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


@cache
def fast_validator(file_name: str):
    """The same schema compiled by jsonschema-rs (Rust): a ~1000x faster yes/no answer with format checks."""
    return jsonschema_rs.validator_for(json.loads(schema_bytes(file_name)), validate_formats=True)


def json_path(path) -> str:
    """Render a jsonschema error path as ``$.a.b[0].c``."""
    rendered = "$"
    for part in path:
        rendered += f"[{part}]" if isinstance(part, int) else f".{part}"
    return rendered


def schema_errors(document: dict, file_name: str) -> list[str]:
    """Return readable ``<json path>: <message>`` strings, sorted, for every violation of a schema.

    Valid documents (the common case) are recognised by jsonschema-rs; the Python validator then only runs to
    explain an invalid one. A differential test keeps both validators in agreement.
    """
    if fast_validator(file_name).is_valid(document):
        return []
    errors = schema_validator(file_name).iter_errors(document)
    return sorted(f"{json_path(error.absolute_path)}: {error.message}" for error in errors)


def validate_ob3_schema(credential: dict) -> list[str]:
    """Return the violations of the 1EdTech OB 3.0 AchievementCredential schema (empty when valid)."""
    return schema_errors(credential, ACHIEVEMENT_CREDENTIAL_SCHEMA_FILE)


def validate_ob3_profile(profile: dict) -> list[str]:
    """Return the violations of the 1EdTech OB 3.0 Profile schema (empty when valid)."""
    return schema_errors(profile, PROFILE_SCHEMA_FILE)

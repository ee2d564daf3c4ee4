"""Reads the standalone service's configuration from environment variables, with safe local defaults."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class ConfigurationError(RuntimeError):
    """An environment variable has a value the service cannot use."""


def data_dir() -> Path:
    """Where the embedded defaults keep their files (SQLite database, generated development secrets)."""
    path = Path(os.environ.get("MC_BRIDGE_HOME", Path.cwd() / ".mc-bridge")).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{name} must be true or false, got {raw!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    return [item.strip() for item in raw.split(",") if item.strip()] if raw else default


def persistent_secret(env_name: str, file_name: str, *, debug: bool) -> str:
    """The secret from the environment; in debug mode a generated one kept in the data dir (never in prod)."""
    value = os.environ.get(env_name)
    if value:
        return value
    if not debug:
        raise ConfigurationError(f"{env_name} must be set when MC_BRIDGE_DEBUG is false.")
    path = data_dir() / file_name
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()

"""A benchmark's own PostgreSQL database: its environment (set for this process too) and a fresh, migrated copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_environment(db_name: str, home: str, **extra: str) -> dict[str, str]:
    """Settings of the standalone service pointed at ``db_name``; applied to os.environ and returned for children."""
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{db_name}", "MC_BRIDGE_HOME": home,
           "DJANGO_SETTINGS_MODULE": "mc_lms_bridge.service.settings", "MC_BRIDGE_LOG_LEVEL": "ERROR", **extra}
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    return env


def run_quietly(env: dict[str, str], *args: str) -> None:
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603


def fresh_database(env: dict[str, str], db_name: str) -> None:
    """Drop and create ``db_name``, then apply every migration."""
    run_quietly(env, "psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE IF EXISTS {db_name}")
    run_quietly(env, "psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {db_name}")
    run_quietly(env, sys.executable, "-m", "django", "migrate", "-v0")

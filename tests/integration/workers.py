"""Real processes for integration tests: a private redis-server (broker) and Celery worker subprocesses."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisBroker:
    """A redis-server of our own on a free loopback port, so stopping it disturbs nothing else."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed; bin/services installs the machine's services.")
        self.process = subprocess.Popen(  # noqa: S603
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None


def database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise RuntimeError("Integration tests need PostgreSQL: set DATABASE_URL (bin/test does).")
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db.get('USER') or 'postgres'}{password}@{host}:{port}/{db['NAME']}"


LOG_DIR = Path(os.environ.get("MC_BRIDGE_TEST_ARTIFACTS", "test-artifacts"))


def start_worker(broker_url: str, *, concurrency: int = 2, extra_env: dict | None = None) -> subprocess.Popen:
    """A real `celery worker` process on the test database and the given broker (log in test-artifacts/)."""
    env = {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": broker_url,
           "DJANGO_SETTINGS_MODULE": "mc_lms_bridge.service.settings",
           "MC_BRIDGE_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend", **(extra_env or {})}
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = open(LOG_DIR / f"celery-worker-{int(time.time() * 1000)}.log", "ab")  # noqa: SIM115 - owned by the child
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "mc_lms_bridge.service", "worker", "--loglevel", "warning",
         "--concurrency", str(concurrency), "--without-gossip", "--without-mingle", "--without-heartbeat",
         "--pool", "prefork"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    time.sleep(0.5)
    if process.poll() is not None:
        raise RuntimeError(f"The Celery worker exited at once (code {process.returncode}); see {LOG_DIR}.")
    return process


def kill_worker(process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Kill the worker and its pool children at once (a crash, not a graceful stop)."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    process.wait(timeout=30)


def use_broker(app, broker_url: str | None, *, eager: bool) -> None:
    """Point this process's Celery app at a broker (or back to eager mode), dropping pooled connections."""
    import kombu.pools

    app.conf.update(broker_url=broker_url, task_always_eager=eager)
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None
    kombu.pools.reset()

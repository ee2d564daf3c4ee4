"""Benchmark the completion pipeline with real parts: PostgreSQL, Redis, gunicorn and Celery worker processes.

Run: python bench/bench_pipeline.py [--api-seconds 10] [--batch-size 100] [--latency-events 200] [--cohort 10000]
         [--workers 2] [--http-workers 2]
Needs PostgreSQL and Redis running (bin/services) and the service extra (`pip install -e .[service]`: gunicorn).
Uses its own database `mc_bridge_bench` (dropped and created) and Redis db 13. Prints JSON with:
  api_events_per_s        completions accepted per second, one completion per POST (gunicorn sync workers,
                          8 client threads on the same machine)
  api_batch_events_per_s  the same through POST /api/v1/completions/batch/ with --batch-size completions per request
  latency_ms              p50/p95/p99 from POST to stored signed OB3 (DI + JWT) and sealed EDC, one Celery worker
  cohort_seconds          time to award a cohort (events already in the inbox -> every credential issued), --workers
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import bench_database
from bench_database import ROOT, bench_environment, run_quietly

DB_NAME = "mc_bridge_bench"
HOME = Path(os.environ.get("MC_BRIDGE_BENCH_HOME", "/tmp/mc-bridge-bench"))
ENV = bench_environment(DB_NAME, str(HOME), CELERY_BROKER_URL="redis://127.0.0.1:6379/13",
                        MC_BRIDGE_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")


def fresh_database() -> None:
    """A new database and an empty broker db (tasks of an earlier run must not leak into this one)."""
    run_quietly(ENV, "redis-cli", "-n", "13", "FLUSHDB")
    bench_database.fresh_database(ENV, DB_NAME)


def setup_catalogue() -> tuple[str, str]:
    import django

    django.setup()
    from mc_lms_bridge import sealstore
    from mc_lms_bridge.catalogue import lifecycle
    from mc_lms_bridge.models import ApiToken, CourseTag, Organisation

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import COMPLETE_PAYLOAD

    organisation = Organisation.objects.create(slug="bench", legal_name={"en": "Bench University"},
                                               legal_identifier="BE0111111111", country="BE")
    content = {k: v for k, v in COMPLETE_PAYLOAD.items() if k not in ("slug", "learning_outcomes")}
    version = lifecycle.create_microcredential(organisation=organisation, slug="bench", content=content,
                                               outcomes=COMPLETE_PAYLOAD["learning_outcomes"])
    lifecycle.submit_for_review(version.microcredential)
    lifecycle.publish(version.microcredential)
    sealstore.create_development_seal(organisation)
    CourseTag.objects.create(microcredential=version.microcredential, platform="api", platform_instance="bench",
                             course_id="BENCH-1", rule="passed")
    _, token = ApiToken.objects.create_token(organisation=organisation, name="bench")
    return token, organisation.slug


def start(*args: str, log: str) -> subprocess.Popen:
    HOME.mkdir(parents=True, exist_ok=True)
    handle = open(HOME / log, "ab")  # noqa: SIM115
    return subprocess.Popen(args, env=ENV, stdout=handle, stderr=subprocess.STDOUT,  # noqa: S603
                            start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, 15)
    process.wait(timeout=60)


_connections = threading.local()


def post(url: str, token: str, body: dict) -> int:
    """POST JSON over this thread's keep-alive connection (reopened when the server closed it)."""
    parsed = urllib.parse.urlsplit(url)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}",
               "Idempotency-Key": f"bench-{uuid.uuid4()}"}
    for attempt in (1, 2):
        connection = getattr(_connections, parsed.netloc, None)
        if connection is None:
            connection = http.client.HTTPConnection(parsed.netloc, timeout=30)
            setattr(_connections, parsed.netloc, connection)
        try:
            connection.request("POST", parsed.path, body=json.dumps(body).encode(), headers=headers)
            response = connection.getresponse()
            response.read()
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                setattr(_connections, parsed.netloc, None)
            return response.status
        except (http.client.HTTPException, ConnectionError):
            connection.close()
            setattr(_connections, parsed.netloc, None)
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def completion(n: int) -> dict:
    return {"course_id": "BENCH-1", "kind": "passed",
            "learner": {"id": f"u{n}-{uuid.uuid4().hex[:8]}", "email": f"b{n}@example.org", "email_verified": True,
                        "given_name": "Bench", "family_name": f"Learner{n}"}}


def api_rate(token: str, seconds: float, *, http_workers: int, batch_size: int = 0, threads: int = 8) -> float:
    """Completions accepted per second: single POSTs, or batches of ``batch_size`` when it is not 0."""
    server = start(sys.executable, "-m", "gunicorn", "-w", str(http_workers), "-b", "127.0.0.1:8911",
                   "mc_lms_bridge.service.wsgi", log="gunicorn.log")
    try:
        wait_for_port(8911)
        url = "http://127.0.0.1:8911/api/v1/completions/" + ("batch/" if batch_size else "")
        counts = [0] * threads
        deadline = time.time() + seconds

        def run(i):
            n = 0
            while time.time() < deadline:
                base = i * 10_000_000 + n
                if batch_size:
                    items = [{**completion(base + k), "idempotency_key": f"bench-{uuid.uuid4()}"}
                             for k in range(batch_size)]
                    if post(url, token, {"completions": items}) == 202:
                        counts[i] += batch_size
                    n += batch_size
                else:
                    if post(url, token, completion(base)) in (200, 202):
                        counts[i] += 1
                    n += 1

        workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
        started = time.time()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return sum(counts) / (time.time() - started)
    finally:
        stop(server)


def wait_for_port(port: int, timeout: float = 60) -> None:
    """Wait until the HTTP server answers (gunicorn's start-up time varies with machine load)."""
    deadline = time.time() + timeout
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)  # noqa: S310
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means it is up
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def latency(token: str, events: int) -> dict:
    from mc_lms_bridge.models import IssuedCredential

    server = start(sys.executable, "-m", "gunicorn", "-w", "1", "-b", "127.0.0.1:8912",
                   "mc_lms_bridge.service.wsgi", log="gunicorn-latency.log")
    worker = start(sys.executable, "-m", "celery", "-A", "mc_lms_bridge.service", "worker", "-c", "1",
                   "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "error", log="worker1.log")
    samples = []
    try:
        wait_for_port(8912)
        time.sleep(3)  # the worker connects to the broker
        for n in range(events):
            body = completion(900_000_000 + n)
            started = time.perf_counter()
            request = urllib.request.Request(
                "http://127.0.0.1:8912/api/v1/completions/", data=json.dumps(body).encode(), method="POST",
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}",
                         "Idempotency-Key": f"lat-{uuid.uuid4()}"})
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                event_id = json.loads(response.read())["id"]
            while IssuedCredential.objects.filter(award__events__id=event_id).count() < 3:
                time.sleep(0.005)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        stop(worker)
        stop(server)
    quantiles = statistics.quantiles(samples, n=100)
    return {"p50": round(statistics.median(samples), 1), "p95": round(quantiles[94], 1),
            "p99": round(quantiles[98], 1), "events": events}


def cohort(size: int, workers: int) -> float:
    from django.db import transaction
    from django.utils import timezone

    from mc_lms_bridge.connectors.base import LearnerIdentity, NormalizedCompletion
    from mc_lms_bridge.models import Award, CompletionEvent, IssuedCredential
    from mc_lms_bridge.pipeline.inbox import record_completion

    before_awards = Award.objects.count()
    with transaction.atomic():  # queue nothing yet: a cohort lands in the inbox at once (e.g. a grade import)
        for n in range(size):
            record_completion(NormalizedCompletion(
                platform="api", platform_instance="bench", source_event_id=f"cohort-{n}", course_id="BENCH-1",
                kind="passed", occurred_at=timezone.now(),
                learner=LearnerIdentity(user_id=f"cohort-{n}", email=f"c{n}@example.org", email_verified=True,
                                        given_name="Cohort", family_name=f"L{n}")))
    processes = [start(sys.executable, "-m", "celery", "-A", "mc_lms_bridge.service", "worker", "-c", "1",
                       "-n", f"w{i}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat", "-l",
                       "error", log=f"cohort-worker{i}.log") for i in range(workers)]
    target = 3 * (before_awards + size)
    started = time.time()
    try:
        while IssuedCredential.objects.count() < target:
            time.sleep(0.5)
            if time.time() - started > 3600:
                break
        elapsed = time.time() - started
    finally:
        for process in processes:
            stop(process)
    assert Award.objects.count() == before_awards + size
    assert not CompletionEvent.objects.filter(state="received").exists()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--api-seconds", type=float, default=10)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--http-workers", type=int, default=2)
    parser.add_argument("--latency-events", type=int, default=200)
    parser.add_argument("--cohort", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--phases", default="api,latency,cohort", help="comma-separated subset to run")
    args = parser.parse_args()
    phases = set(args.phases.split(","))
    fresh_database()
    token, _ = setup_catalogue()
    result: dict = {}
    if "api" in phases:
        result["api_events_per_s"] = round(api_rate(token, args.api_seconds, http_workers=args.http_workers), 1)
        if args.batch_size:
            result["api_batch_events_per_s"] = round(api_rate(
                token, args.api_seconds, http_workers=args.http_workers, batch_size=args.batch_size), 1)
        print(json.dumps(result), flush=True)
        from mc_lms_bridge.models import CompletionEvent

        CompletionEvent.objects.all().update(state="ignored")  # API-rate events are not part of the timings below
        subprocess.run(["redis-cli", "-n", "13", "FLUSHDB"], check=True, stdout=subprocess.DEVNULL)  # noqa: S607
    if "latency" in phases:
        result["latency_ms"] = latency(token, args.latency_events)
        print(json.dumps(result), flush=True)
    if "cohort" in phases:
        result["cohort"], result["workers"] = args.cohort, args.workers
        result["cohort_seconds"] = round(cohort(args.cohort, args.workers), 1)
        result["cohort_awards_per_s"] = round(args.cohort / result["cohort_seconds"], 1)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

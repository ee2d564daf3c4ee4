"""Benchmark pathway evaluation per award in PostgreSQL: 1,000 pathways, 100,000 awards (bulk-created).

Run: python bench/bench_pathways.py [--pathways 1000] [--components 200] [--learners 25000] [--awards-each 4]
         [--samples 1000]
Needs PostgreSQL (bin/services). Uses its own database `mc_bridge_bench_pathways` (dropped and created).
Each sample is ``evaluate_learner(learner, microcredential of one of the learner's awards)`` inside a transaction
that is rolled back (so a pathway award it grants is measured but nothing is issued). Prints JSON: data sizes,
index rows and the median / p99 milliseconds per evaluated award, plus how many pathways one award touched.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
import uuid
from decimal import Decimal

import bench_database
from bench_database import bench_environment

DB_NAME = "mc_bridge_bench_pathways"
ENV = bench_environment(DB_NAME, os.environ.get("MC_BRIDGE_BENCH_HOME", "/tmp/mc-bridge-bench-pathways"))


def fresh_database() -> None:
    bench_database.fresh_database(ENV, DB_NAME)


def published_versions(models, organisation, count: int, prefix: str, ects: str):
    mcs = models.MicroCredential.objects.bulk_create(
        [models.MicroCredential(organisation=organisation, slug=f"{prefix}-{i}") for i in range(count)])
    return models.MicroCredentialVersion.objects.bulk_create(
        [models.MicroCredentialVersion(microcredential=mc, version=1, status="published", title={"en": mc.slug},
                                       ects_credits=Decimal(ects), languages=["en"]) for mc in mcs])


def build(args, rng: random.Random) -> dict:
    from django.utils import timezone

    from mc_lms_bridge import models
    from mc_lms_bridge.pathways.definition import rebuild_index

    organisation = models.Organisation.objects.create(slug="bench", legal_name={"en": "Bench"},
                                                      legal_identifier="B1", country="BE")
    components = published_versions(models, organisation, args.components, "course", "5")
    own = published_versions(models, organisation, args.pathways, "stack", "20")
    pathways = []
    for i, version in enumerate(own):
        picks = rng.sample(components, 4)
        children = [{"credential": {"microcredential": str(v.microcredential_id)}} for v in picks[:3]]
        if i >= 10 and rng.random() < 0.1:  # some pathways nest an earlier one (acyclic by construction)
            children.append({"pathway": {"pathway": str(pathways[rng.randrange(i)].pk)}})
        else:
            children.append({"n_of": {"n": 1, "children": [
                {"credential": {"microcredential": str(picks[3].microcredential_id)}},
                {"min_ects": {"ects": 10, "of": [{"credential": {"microcredential": str(v.microcredential_id)}}
                                                 for v in rng.sample(components, 3)]}}]}})
        pathways.append(models.Pathway(id=uuid.uuid4(), organisation=organisation, slug=f"p-{i}",
                                       title={"en": f"P {i}"}, rule={"all_of": children},
                                       microcredential_id=version.microcredential_id, revocation_policy="revoke"))
    models.Pathway.objects.bulk_create(pathways)
    index_rows = rebuild_index()
    learners = models.Learner.objects.bulk_create(
        [models.Learner(given_name=f"L{i}", email=f"l{i}@example.org") for i in range(args.learners)],
        batch_size=5000)
    now = timezone.now()
    awards = [models.Award(learner=learner, version=version, awarded_at=now, grade="80 %")
              for learner in learners for version in rng.sample(components, args.awards_each)]
    models.Award.objects.bulk_create(awards, batch_size=10000)
    return {"pathways": len(pathways), "components": len(components), "learners": len(learners),
            "awards": len(awards), "index_rows": index_rows, "sample_pool": awards}


class Rollback(Exception):
    """Raised to undo one measured evaluation."""


def measure(awards, samples: int, rng: random.Random) -> dict:
    from django.db import transaction

    from mc_lms_bridge.pathways.service import evaluate_learner

    timings, touched = [], []
    for award in rng.sample(awards, samples):
        start = time.perf_counter()
        try:
            with transaction.atomic():
                outcomes = evaluate_learner(award.learner, award.version.microcredential_id)
                raise Rollback
        except Rollback:
            pass
        timings.append((time.perf_counter() - start) * 1000)
        touched.append(len(outcomes))
    timings.sort()
    return {"samples": samples, "median_ms": round(statistics.median(timings), 2),
            "p99_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))], 2),
            "pathways_evaluated_per_award_median": statistics.median(touched)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pathways", type=int, default=1000)
    parser.add_argument("--components", type=int, default=200)
    parser.add_argument("--learners", type=int, default=25000)
    parser.add_argument("--awards-each", type=int, default=4)
    parser.add_argument("--samples", type=int, default=1000)
    args = parser.parse_args()
    fresh_database()
    import django

    django.setup()
    rng = random.Random(20250701)  # noqa: S311 - reproducible synthetic data, not security
    started = time.perf_counter()
    data = build(args, rng)
    pool = data.pop("sample_pool")
    data["build_seconds"] = round(time.perf_counter() - started, 1)
    data.update(measure(pool, args.samples, rng))
    print(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()

"""Profile the award path in-process (process_event -> issue -> deliveries) with cProfile; prints the top functions.

Run: python bench/profile_award.py [--awards 200] [--sort cumulative] [--limit 40]
Uses the same database and catalogue as bench_pipeline.py (dropped and created). Tasks queued after commit go to
Redis db 13 and are flushed; the services are called directly so the figures are the worker's own CPU time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import time

import bench_pipeline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--awards", type=int, default=200)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--stats", help="also write the raw cProfile stats to this file (for pstats/snakeviz)")
    args = parser.parse_args()
    bench_pipeline.fresh_database()
    bench_pipeline.setup_catalogue()
    from django.db import transaction
    from django.utils import timezone

    from mc_lms_bridge.connectors.base import LearnerIdentity, NormalizedCompletion
    from mc_lms_bridge.delivery.service import send_delivery
    from mc_lms_bridge.issuance.service import issue
    from mc_lms_bridge.models import Delivery
    from mc_lms_bridge.pipeline.inbox import record_completion
    from mc_lms_bridge.pipeline.processing import process_event

    with transaction.atomic():
        events = [record_completion(NormalizedCompletion(
            platform="api", platform_instance="bench", source_event_id=f"profile-{n}", course_id="BENCH-1",
            kind="passed", occurred_at=timezone.now(),
            learner=LearnerIdentity(user_id=f"profile-{n}", email=f"p{n}@example.org", email_verified=True,
                                    given_name="Profile", family_name=f"L{n}"))) for n in range(args.awards + 1)]
    event_ids = [event.pk for event, _ in events]

    def award_one(event_id) -> None:
        event = process_event(event_id)
        issue(event.award_id)  # its after-commit hooks (pathways, delivery queueing) run here, as in the worker
        for delivery_id in Delivery.objects.filter(award_id=event.award_id).values_list("pk", flat=True):
            send_delivery(delivery_id)

    award_one(event_ids[0])  # warm caches (contexts, shapes, keys) as a running worker has them
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for event_id in event_ids[1:]:
        award_one(event_id)
    profiler.disable()
    elapsed = time.perf_counter() - started
    subprocess.run(["redis-cli", "-n", "13", "FLUSHDB"], check=True, stdout=subprocess.DEVNULL)  # noqa: S607
    print(f"{args.awards} awards in {elapsed:.2f} s under cProfile = {1000 * elapsed / args.awards:.1f} ms/award")
    if args.stats:
        profiler.dump_stats(args.stats)
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

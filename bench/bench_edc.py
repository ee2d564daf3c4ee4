"""Benchmark the EDC pipeline: credentials built/s and SHACL-validated/s, split by stage.

Run from the repository root:  .venv/bin/python bench/bench_edc.py --count 200
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyshacl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mc_lms_bridge.formats.edc import build_edc_credential, validate_edc  # noqa: E402
from mc_lms_bridge.formats.edc.naming import node_names  # noqa: E402
from mc_lms_bridge.formats.edc.rdf import credential_graph  # noqa: E402
from mc_lms_bridge.formats.edc.shapes import edc_shapes  # noqa: E402
from tests.formats.sample_records import sample_award, sample_learner, sample_microcredential  # noqa: E402

NOW = datetime(2025, 7, 1, 8, 30, tzinfo=UTC)


def awards(count: int):
    """``count`` distinct awards of the sample micro-credential."""
    base = sample_award()
    return [replace(base, id=f"00000000-0000-4000-8000-{index:012d}") for index in range(count)]


def timed(label: str, count: int, work) -> list:
    """Run ``work`` and print items/s and ms/item for the stage."""
    start = time.perf_counter()
    results = work()
    elapsed = time.perf_counter() - start
    print(f"{label:<34} {count / elapsed:9.1f} /s  {1000 * elapsed / count:8.2f} ms each")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="credentials per stage")
    count = parser.parse_args().count
    mc, learner = sample_microcredential(), sample_learner()

    start = time.perf_counter()
    edc_shapes()
    print(f"shapes parsed once (cold)          {1000 * (time.perf_counter() - start):9.1f} ms")

    credentials = timed(
        "build (credentials built)",
        count,
        lambda: [
            build_edc_credential(award=a, microcredential=mc, learner=learner, issuer=mc.issuer, now=NOW)
            for a in awards(count)
        ],
    )
    graphs = timed("  stage: JSON-LD -> RDF (pyld)", count, lambda: [credential_graph(c) for c in credentials])
    timed(
        "  stage: SHACL (pyshacl)",
        count,
        lambda: [pyshacl.validate(g, shacl_graph=edc_shapes(), inference="none") for g in graphs],
    )
    timed("  stage: readable names", count, lambda: [node_names(c) for c in credentials])
    reports = timed("validate_edc (SHACL-validated)", count, lambda: [validate_edc(c) for c in credentials])
    print(f"conforming: {sum(r.conforms for r in reports)}/{count}")


if __name__ == "__main__":
    main()

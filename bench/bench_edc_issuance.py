"""Benchmark: Europass EDC credentials built + validated + sealed per second, split by stage.

Run: taskset -c 0 python bench/bench_edc_issuance.py [--count 200]
Stages per credential (one core): build (pure builder incl. the page image passed in), SHACL (full pyshacl run with
the parsed ELM 3.2 shapes), SHACL with the skeleton cache (what issuance uses: the full run once per skeleton),
JAdES seal (ES256 development seal, B-B). Different learners each time, so the cache path is honest.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from formats.sample_records import sample_award, sample_issuer, sample_learner, sample_microcredential  # noqa: E402

from mc_lms_bridge.badges import BadgeStyle, render_credential_page_png  # noqa: E402
from mc_lms_bridge.crypto.jades import seal_jades  # noqa: E402
from mc_lms_bridge.crypto.seal_material import create_development_seal, load_seal_from_pkcs12  # noqa: E402
from mc_lms_bridge.formats.edc import build_edc_credential, validate_edc  # noqa: E402
from mc_lms_bridge.formats.edc.template_cache import personal_values, validate_edc_fast  # noqa: E402

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def learner(n: int):
    learner_id = str(uuid.uuid4())
    return replace(sample_learner(), id=learner_id, subject_id=f"urn:uuid:{learner_id}", given_name=f"Learner{n}",
                   family_name=f"Family{n}", email=f"l{n}@example.org")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    mc, issuer = sample_microcredential(), sample_issuer()
    image = render_credential_page_png(mc, "Sample Learner", NOW.date(), style=BadgeStyle())
    material = load_seal_from_pkcs12(create_development_seal(
        organisation_name="Bench University", country="BE", organisation_identifier="BE0123", password=None,
        now=NOW), None, now=NOW)
    timings = {"build": [], "shacl_full": [], "shacl_cached": [], "seal": []}
    validate_edc_fast(build_edc_credential(award=sample_award(), microcredential=mc, learner=learner(-1),
                                           issuer=issuer, now=NOW, display_image_png=image))
    for n in range(args.count):
        person = learner(n)
        award = replace(sample_award(), id=str(uuid.uuid4()), credential_id=f"urn:uuid:{uuid.uuid4()}")
        t0 = time.perf_counter()
        document = build_edc_credential(award=award, microcredential=mc, learner=person, issuer=issuer, now=NOW,
                                        display_image_png=image)
        t1 = time.perf_counter()
        if n < max(10, args.count // 10):  # full SHACL is slow: sample it
            assert validate_edc(document).conforms
            timings["shacl_full"].append(time.perf_counter() - t1)
        t2 = time.perf_counter()
        personal = personal_values([person.given_name, person.family_name, person.full_name, award.grade],
                                   emails=[person.email])
        assert validate_edc_fast(document, personal).conforms
        t3 = time.perf_counter()
        seal_jades(json.dumps(document, separators=(",", ":")).encode(), material, signing_time=NOW)
        t4 = time.perf_counter()
        timings["build"].append(t1 - t0)
        timings["shacl_cached"].append(t3 - t2)
        timings["seal"].append(t4 - t3)
    result = {f"{stage}_ms_median": round(statistics.median(values) * 1000, 2) for stage, values in timings.items()}
    per_credential = sum(statistics.median(timings[s]) for s in ("build", "shacl_cached", "seal"))
    result["issued_per_s_with_cache"] = round(1 / per_credential, 1)
    result["issued_per_s_full_shacl"] = round(
        1 / (per_credential - statistics.median(timings["shacl_cached"]) + statistics.median(timings["shacl_full"])), 1)
    result["count"] = args.count
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

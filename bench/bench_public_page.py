"""Benchmark: server time and weight of the public credential page with 100,000 credentials in PostgreSQL.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/mc_bridge MC_BRIDGE_HOME=/tmp/mcb-bench \
     python bench/bench_public_page.py [--credentials 100000] [--samples 300]
Uses (and keeps, for re-runs) the database test_mcb_bench. One award is really issued (OB3 Data Integrity, VC-JWT,
sealed EDC); the rest are clones of its rows with new ids (new learners and awards too). Pages are requested through
Django's test client, so the time is the server's (URL routing, queries, verification, template), no network.
Only every 20th clone gets the ~155 KB sealed EDC row (--edc-every); sampled pages all have the three formats.
"cold" = first request of a credential (verification cache empty: three full verifications); "warm" = again.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc_lms_bridge.service.settings")
os.environ["TEST_DATABASE_NAME"] = "test_mcb_bench"

import django  # noqa: E402
from django.conf import settings  # noqa: E402

# The service's recommended cache (see docs/pages.md): Django's default LocMemCache keeps only 300 entries, fewer than
# the 3 verification results x samples this run caches.
settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                               "OPTIONS": {"MAX_ENTRIES": 100_000}}}
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

BATCH = 2000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def issue_one():
    from conftest import COMPLETE_PAYLOAD

    from mc_lms_bridge import sealstore
    from mc_lms_bridge.awards.service import grant_award
    from mc_lms_bridge.issuance.service import issue
    from mc_lms_bridge.models import ApiToken, Learner, MicroCredentialVersion, Organisation

    organisation = Organisation.objects.create(slug="bench-univ", legal_name={"en": "Bench University"},
                                               legal_identifier="ID-bench", country="BE")
    _, raw = ApiToken.objects.create_token(organisation=organisation, name="bench", scopes=None)
    client, auth = Client(), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    mc = client.post("/api/v1/micro-credentials/", COMPLETE_PAYLOAD, content_type="application/json", **auth).json()
    for step in ("submit", "publish"):
        client.post(f"/api/v1/micro-credentials/{mc['id']}/{step}/", content_type="application/json", **auth)
    version = MicroCredentialVersion.objects.get(microcredential_id=mc["id"], status="published")
    sealstore.create_development_seal(organisation)
    learner = Learner.objects.create(given_name="Ana", family_name="Andromeda", email="ana@example.org")
    award, _ = grant_award(learner=learner, version=version, grade="8/10", reason={}, evidence=[])
    return issue(award.pk, strict=True)


def clone(template, count: int, edc_every: int) -> None:
    """``count`` more learners and awards with their credentials copied from ``template`` (new ids).

    The sealed EDC row is ~155 KB (it embeds the credential page image), so only every ``edc_every``-th clone gets
    one; the others have the two Open Badges rows (a service without e-seal issues exactly those).
    """
    from mc_lms_bridge.models import Award, CredentialFormat, IssuedCredential, Learner

    award = template[0].award
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        learners = Learner.objects.bulk_create(
            [Learner(given_name=f"Learner {made + i}", family_name="Bench", email=f"l{made + i}@example.org")
             for i in range(size)])
        awards = Award.objects.bulk_create(
            [Award(learner=learner, version_id=award.version_id, awarded_at=award.awarded_at, grade=award.grade)
             for learner in learners])
        IssuedCredential.objects.bulk_create(
            [IssuedCredential(id=uuid.uuid4(), award=new_award, format=c.format, credential_id=c.credential_id,
                              payload=c.payload, key_id=c.key_id, status_list_id=c.status_list_id, status_index=None,
                              state=c.state, issued_at=c.issued_at)
             for n, new_award in enumerate(awards, made) for c in template
             if c.format != CredentialFormat.EDC_JADES or n % edc_every == 0],
            batch_size=200)
        made += size
        print(f"  cloned {made}/{count}", end="\r", flush=True)
    print()


def measure(client: Client, ids: list, label: str) -> list[float]:
    times = []
    for page_id in ids:
        start = time.perf_counter()
        response = client.get(f"/c/{page_id}")
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    print(f"{label:5} n={len(times)}  p50 {percentile(times, .5):7.1f} ms   p95 {percentile(times, .95):7.1f} ms   "
          f"mean {statistics.fmean(times):7.1f} ms")
    return times


def page_weight(client: Client, page_id) -> None:
    html = client.get(f"/c/{page_id}").content
    from django.contrib.staticfiles import finders

    parts = {"html": html}
    for name in ("site.css", "stars.svg"):
        parts[name] = Path(finders.find(f"mc_lms_bridge/web/{name}")).read_bytes()
    for name in ("badge.svg", "qr.svg"):
        parts[name] = client.get(f"/c/{page_id}/{name}").content
    total = sum(len(v) for v in parts.values())
    zipped = sum(len(gzip.compress(v)) for v in parts.values())
    print("page weight: " + ", ".join(f"{k} {len(v) / 1024:.1f} KB" for k, v in parts.items()))
    print(f"total {total / 1024:.1f} KB ({zipped / 1024:.1f} KB gzipped), 5 requests, nothing from other hosts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--credentials", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--edc-every", type=int, default=20, help="clone the EDC row for every n-th award")
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=True)
    from mc_lms_bridge.models import CredentialFormat, IssuedCredential

    primary = IssuedCredential.objects.filter(format=CredentialFormat.OB3_DATA_INTEGRITY)
    have = primary.count()
    if have == 0:
        template = issue_one()
        have = 1
    else:
        template = list(IssuedCredential.objects.filter(award=primary.order_by("issued_at").first().award))
    if have < args.credentials:
        print(f"cloning {args.credentials - have} awards ...")
        clone(template, args.credentials - have, args.edc_every)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = IssuedCredential.objects.count()
    print(f"{primary.count()} credential pages ({total} IssuedCredential rows) in PostgreSQL")
    # Sample pages whose award has all three formats: the page then verifies three credentials (the worst case).
    with_edc = IssuedCredential.objects.filter(format=CredentialFormat.EDC_JADES).values("award_id")
    ids = random.Random(7).sample(list(primary.filter(award_id__in=with_edc).values_list("pk", flat=True)),
                                  args.samples)
    client = Client()
    client.get(f"/c/{ids[0]}")  # imports, JSON-LD loader and template warm-up
    cold = measure(client, ids, "cold")
    warm = measure(client, ids, "warm")
    page_weight(client, ids[0])
    target = percentile(warm, .95) < 200
    print(f"target p95 < 200 ms (warm, cached verification): {'met' if target else 'NOT met'}; "
          f"cold p95 {percentile(cold, .95):.0f} ms")


if __name__ == "__main__":
    main()

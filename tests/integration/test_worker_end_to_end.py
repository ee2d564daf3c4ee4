"""A completion reported over HTTP is processed by a real Celery worker into signed OB3 + sealed EDC credentials."""

from __future__ import annotations

import json
import time

import pytest
from django.utils import timezone

from mc_lms_bridge import sealstore
from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.models import Award, CourseTag, IssuedCredential, MicroCredential
from mc_lms_bridge.verification.django_fetcher import LocalDocumentFetcher
from mc_lms_bridge.verification.edc import verify_edc
from mc_lms_bridge.verification.ob3 import verify_ob3

from .workers import kill_worker, start_worker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_http_completion_to_verified_credentials_through_a_real_worker(broker, api_a, published, org_a):
    microcredential = MicroCredential.objects.get(pk=published)
    sealstore.create_development_seal(org_a)
    CourseTag.objects.create(microcredential=microcredential, platform="api", platform_instance=org_a.slug,
                             course_id="SIS-1", rule="passed")
    worker = start_worker(broker.url)
    try:
        response = api_a.post("/api/v1/completions/", {
            "course_id": "SIS-1", "kind": "passed",
            "learner": {"id": "s-1", "email": "eve@example.org", "email_verified": True, "given_name": "Eve",
                        "family_name": "Example"}}, HTTP_IDEMPOTENCY_KEY="sis-e2e-000001")
        assert response.status_code == 202
        deadline = time.time() + 180
        while time.time() < deadline and IssuedCredential.objects.count() < 3:
            time.sleep(0.5)
    finally:
        kill_worker(worker)
    award = Award.objects.get()
    credentials = {c.format: c for c in IssuedCredential.objects.filter(award=award)}
    assert set(credentials) == {"ob3+di", "ob3+jwt", "edc+jades"}
    report = verify_ob3(json.loads(credentials["ob3+di"].payload), fetch=LocalDocumentFetcher().fetch,
                        now=timezone.now(), loader=strict_document_loader())
    assert report.verified, report.to_dict()["checks"]
    edc = verify_edc(credentials["edc+jades"].payload, trust_anchors=sealstore.trust_anchors(), now=timezone.now())
    assert edc.verified, edc.to_dict()
    state = api_a.get(f"/api/v1/completions/{response.json()['id']}/").json()
    assert state["state"] == "awarded" and len(state["credentials"]) == 3


def test_a_batch_with_a_replayed_item_is_awarded_once_per_learner_by_a_real_worker(broker, api_a, published, org_a):
    microcredential = MicroCredential.objects.get(pk=published)
    sealstore.create_development_seal(org_a)
    CourseTag.objects.create(microcredential=microcredential, platform="api", platform_instance=org_a.slug,
                             course_id="SIS-1", rule="passed")
    items = [{"idempotency_key": f"sis-batch-{n:04d}", "course_id": "SIS-1", "kind": "passed",
              "learner": {"id": f"s-{n}", "email": f"s{n}@example.org", "email_verified": True,
                          "given_name": "Sam", "family_name": f"Batch{n}"}} for n in range(30)]
    worker = start_worker(broker.url)
    try:
        first = api_a.post("/api/v1/completions/batch/", {"completions": items[:20]})
        second = api_a.post("/api/v1/completions/batch/", {"completions": items[10:]})  # 10 replays, 10 new
        assert first.status_code == second.status_code == 202
        assert (second.json()["accepted"], second.json()["replayed"]) == (10, 10)
        deadline = time.time() + 240
        while time.time() < deadline and IssuedCredential.objects.count() < 90:
            time.sleep(0.5)
    finally:
        kill_worker(worker)
    assert Award.objects.count() == 30
    assert IssuedCredential.objects.count() == 90
    assert Award.objects.values("learner").distinct().count() == 30

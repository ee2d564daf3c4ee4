"""Pipeline fixtures: a published, tagged micro-credential with a development e-seal, an API client reporting."""

from __future__ import annotations

import uuid

import pytest

from mc_lms_bridge import sealstore
from mc_lms_bridge.models import CourseTag, MicroCredential

COURSE = "SIS-COURSE-101"


@pytest.fixture
def tagged(published, org_a):
    microcredential = MicroCredential.objects.get(pk=published)
    sealstore.create_development_seal(org_a)
    CourseTag.objects.create(microcredential=microcredential, platform="api", platform_instance=org_a.slug,
                             course_id=COURSE, rule="min_grade", min_grade="0.6")
    return microcredential


@pytest.fixture
def report(api_a, django_capture_on_commit_callbacks):
    """POST a completion as the SIS would, running the after-commit work (eager Celery tasks) too."""

    def send(user="u1", kind="passed", grade="0.8", key=None, course=COURSE, email="ana@example.org", **learner):
        payload = {"course_id": course, "kind": kind, "grade": grade,
                   "learner": {"id": user, "email": email, "email_verified": True, "given_name": "Ana",
                               "family_name": "Andromeda", **learner}}
        if grade is None:
            payload.pop("grade")
        with django_capture_on_commit_callbacks(execute=True):
            return api_a.post("/api/v1/completions/", payload,
                              HTTP_IDEMPOTENCY_KEY=key or f"key-{uuid.uuid4()}")
    return send

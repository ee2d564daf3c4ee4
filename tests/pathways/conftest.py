"""Pathway fixtures: published components tagged in Open edX and Moodle, a pathway credential, wired hooks."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from importlib import resources

import pytest

from mc_lms_bridge import identity, sealstore
from mc_lms_bridge.connectors.base import LearnerIdentity, NormalizedCompletion
from mc_lms_bridge.models import CourseTag, MicroCredential, Pathway, ReversalPolicy
from mc_lms_bridge.pathways.definition import save_pathway
from mc_lms_bridge.pipeline.inbox import record_completion
from mc_lms_bridge.status.service import signed_status_list

LMS = "https://lms.example.edu"
OPENEDX_COURSE = "course-v1:MCB+DL101+2025"
MOODLE = "https://moodle.example.edu"
MOODLE_COURSE = "42"
CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
ISCED_F_SOFTWARE = "0613"  # Software and applications development and analysis
RQF_LEVEL_6 = "c_c392e7a2"  # QDR concept "RQF Level 6"


@pytest.fixture
def make_mc(api_a, complete_payload, org_a):
    """Create and publish a micro-credential of org A through the API; returns the MicroCredential.

    It has an ISCED-F field of education and an NQF level concept, so that catalogue.jsonld lists it as an ELM
    Qualification (pass ``isced_f_codes=[]`` or ``nqf_level=""`` to leave them out).
    """

    def make(slug, title, ects="5.00", stackability="stackable", **extra):
        payload = {**complete_payload, "slug": slug, "title": {"en": title, "fr": title},
                   "ects_credits": ects, "workload_hours": int(Decimal(ects) * 26),
                   "stackability": stackability, "isced_f_codes": [ISCED_F_SOFTWARE], "nqf_level": RQF_LEVEL_6,
                   **extra}
        created = api_a.post("/api/v1/micro-credentials/", payload)
        assert created.status_code == 201, created.content
        mc_id = created.json()["id"]
        submitted = api_a.post(f"/api/v1/micro-credentials/{mc_id}/submit/")
        assert submitted.status_code == 200, submitted.content
        assert api_a.post(f"/api/v1/micro-credentials/{mc_id}/publish/").status_code == 200
        return MicroCredential.objects.get(pk=mc_id)
    return make


def credential_rule(*mcs) -> dict:
    return {"all_of": [{"credential": {"microcredential": str(mc.pk)}} for mc in mcs]}


@pytest.fixture
def make_pathway(org_a, make_mc):
    """Save a pathway of org A with its own published stacked credential."""

    def make(slug, rule, policy="revoke", ects="10.00", **credential):
        own = make_mc(f"{slug}-credential", f"Stack {slug}", ects=ects, stackability="standalone", **credential)
        pathway = Pathway(organisation=org_a, slug=slug, title={"en": f"Pathway {slug}"}, rule=rule,
                          microcredential=own, revocation_policy=policy)
        return save_pathway(pathway)
    return make


@pytest.fixture
def components(make_mc, org_a, settings):
    """Course A (Open edX, passing verdict) and course B (Moodle, grade >= 60 %), both published and tagged."""
    settings.LMS_ROOT_URL = LMS + "/"
    sealstore.create_development_seal(org_a)
    course_a = make_mc("course-a", "Data Analysis")
    course_b = make_mc("course-b", "Data Visualisation", ects="6.00")
    MicroCredential.objects.filter(pk=course_b.pk).update(reversal_policy=ReversalPolicy.REVOKE)
    CourseTag.objects.create(microcredential=course_a, platform="openedx", platform_instance=LMS,
                             course_id=OPENEDX_COURSE, rule="passed")
    CourseTag.objects.create(microcredential=course_b, platform="moodle", platform_instance=MOODLE,
                             course_id=MOODLE_COURSE, rule="min_grade", min_grade="0.6")
    return course_a, course_b


@pytest.fixture
def wired():
    """The pathway hooks are called by issuance, status changes and processing themselves (nothing to patch)."""
    return None


@pytest.fixture
def moodle_completion(django_capture_on_commit_callbacks):
    """Record a Moodle completion (same verified e-mail as the Open edX learner), running after-commit work."""

    def send(kind="passed", grade="0.9", user="7", email="ada@example.org"):
        completion = NormalizedCompletion(
            platform="moodle", platform_instance=MOODLE, source_event_id=f"moodle-{uuid.uuid4()}",
            course_id=MOODLE_COURSE, kind=kind, occurred_at=datetime.now(UTC),
            grade=None if grade is None else Decimal(grade),
            learner=LearnerIdentity(user_id=user, email=email, email_verified=True, given_name="Ada",
                                    family_name="Lovelace"))
        with django_capture_on_commit_callbacks(execute=True):
            return record_completion(completion)[0]
    return send


def clr_context() -> dict:
    """The pinned CLR 2.0.1 context from the package (the JS harness does not pin it itself)."""
    data = resources.files("mc_lms_bridge.crypto").joinpath("contexts", "clr-v2p0-context-2.0.1.json")
    return json.loads(data.read_bytes())


def verifier_request(row, document) -> dict:
    """A Digital Bazaar request for one of our issued credentials: DID document, status list, CLR context."""
    organisation = row.award.version.microcredential.organisation
    status_list = row.status_list
    status_list.refresh_from_db()
    return {"credential": document, "checkStatus": True, "documents": {
        identity.organisation_did(organisation): identity.did_document(organisation),
        identity.status_list_url(organisation, status_list.purpose, status_list.sequence):
            signed_status_list(status_list),
        CLR_CONTEXT: clr_context()}}

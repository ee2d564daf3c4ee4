"""Recognition of prior learning: another institution's credential counts only when verified, trusted, matching."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from formats.ob3.credentials import SALT
from formats.sample_records import sample_award, sample_learner, sample_microcredential
from verification.issuers import REVOCATION_LIST, TestIssuer, revocation_entry, status_list

from mc_lms_bridge.formats.ob3 import build_ob3_credential
from mc_lms_bridge.models import Award, Learner, Recognition, RecognitionRule
from mc_lms_bridge.verification.fetching import StaticFetcher

pytestmark = pytest.mark.django_db
FETCHER = "pathways.test_recognition.FixtureFetcher"
OTHER = TestIssuer()
ACHIEVEMENT = sample_microcredential().url
LEARNER_EMAIL = sample_learner().email


class FixtureFetcher(StaticFetcher):
    """The other issuer's did:web document and status list, served from local fixtures."""

    documents: dict = {}

    def __init__(self):
        super().__init__(self.documents)


def foreign_credential(days_ago: int = 3, **overrides) -> dict:
    """The other institution's signed credential for the sample learner, awarded ``days_ago``."""
    awarded = datetime.now(UTC).replace(microsecond=0) - timedelta(days=days_ago)
    microcredential = sample_microcredential(**overrides)
    credential = build_ob3_credential(
        award=sample_award(awarded_at=awarded), microcredential=microcredential, learner=sample_learner(),
        issuer=microcredential.issuer, status_entries=[revocation_entry()], identity_salt=SALT, now=awarded)
    return OTHER.sign(credential)


@pytest.fixture
def remote(settings):
    def serve(revoked=()):
        FixtureFetcher.documents = {OTHER.did_url: OTHER.did_document(),
                                    REVOCATION_LIST: status_list(OTHER, set_bits=revoked)}
    serve()
    settings.MC_LMS_BRIDGE = {**getattr(settings, "MC_LMS_BRIDGE", {}), "REMOTE_FETCHER": FETCHER}
    return serve


@pytest.fixture
def learner(db):
    return Learner.objects.create(given_name="Amélie", family_name="Dupont", email=LEARNER_EMAIL,
                                  email_verified=True)


@pytest.fixture
def rule(org_a):
    return RecognitionRule.objects.create(organisation=org_a, name="Partner data courses",
                                          trusted_issuers=[OTHER.did], achievement_id=ACHIEVEMENT, min_ects=3)


@pytest.fixture
def recognition_pathway(org_a, make_mc, make_pathway):
    local = make_mc("course-a", "Data Analysis")
    return make_pathway("with-prior", {"all_of": [
        {"credential": {"microcredential": str(local.pk)}},
        {"recognized": {"match": {"achievement_id": ACHIEVEMENT, "min_ects": 3}}}]}), local


def submit(api, learner, credential):
    response = api.post("/api/v1/recognitions/", {"learner": str(learner.pk), "credential": credential})
    assert response.status_code == 201, response.content
    return response.json()


def test_a_trusted_verified_matching_credential_is_accepted_and_counts(
        api_a, remote, learner, rule, recognition_pathway, django_capture_on_commit_callbacks):
    pathway, local = recognition_pathway
    with django_capture_on_commit_callbacks(execute=True):
        body = submit(api_a, learner, foreign_credential())
    assert body["decision"] == "accepted" and body["rule"] == rule.pk, body
    assert body["verification"]["verified"] is True and body["issuer"] == OTHER.did and body["ects"] == "5.00"
    progress = api_a.get(f"/api/v1/pathways/{pathway.pk}/progress/?learner={learner.pk}").json()
    assert [item["kind"] for item in progress["done"]] == ["recognition"]
    assert progress["satisfied"] is False and progress["next_step"]["target"] == str(local.pk)


@pytest.mark.parametrize(("case", "reason_words"), [
    ("untrusted", "not trusted"),
    ("tampered", "tampered"),
    ("revoked", "revoked"),
    ("expired", "expired"),
    ("too small", "needs at least 3 ECTS"),
    ("someone else", "another e-mail"),
])
def test_refused_credentials_never_count_and_say_why(api_a, remote, learner, rule, case, reason_words):
    credential = foreign_credential()
    if case == "untrusted":
        rule.trusted_issuers = ["did:web:someone-else.example"]
        rule.save()
    elif case == "tampered":
        credential = copy.deepcopy(credential)
        credential["credentialSubject"]["achievement"]["creditsAvailable"] = 30
    elif case == "revoked":
        remote(revoked=[int(revocation_entry()["statusListIndex"])])
    elif case == "expired":
        credential = foreign_credential(days_ago=30, valid_for_days=7)
    elif case == "too small":
        credential = foreign_credential(ects_credits=Decimal(2), workload_hours=55)
    elif case == "someone else":
        learner.email = "someone.else@example.org"
        learner.save()
    body = submit(api_a, learner, credential)
    assert body["decision"] == "refused" and reason_words in body["reason"], body
    assert Recognition.objects.get().decision == "refused"


def test_review_cannot_accept_an_unverified_credential_but_can_refuse_an_accepted_one(
        api_a, remote, learner, rule):
    tampered = foreign_credential()
    tampered["name"] = "Forged"
    refused = submit(api_a, learner, tampered)
    response = api_a.post(f"/api/v1/recognitions/{refused['id']}/review/",
                          {"decision": "accepted", "reason": "Looks fine to me"})
    assert response.status_code == 400 and "never count" in response.json()["detail"]
    accepted = submit(api_a, learner, foreign_credential())
    response = api_a.post(f"/api/v1/recognitions/{accepted['id']}/review/",
                          {"decision": "refused", "reason": "Same course as our module A"})
    assert response.status_code == 200 and response.json()["decision"] == "refused"


def test_recognition_completes_a_pathway(api_a, remote, learner, rule, recognition_pathway, components_awarded):
    pathway, _ = recognition_pathway
    assert Award.objects.filter(version__microcredential=pathway.microcredential).exists() is False
    components_awarded(learner)
    award = Award.objects.get(version__microcredential=pathway.microcredential)
    assert [c["kind"] for c in award.reason["components"]] == ["award", "recognition"]
    assert award.reason["pathway"] == str(pathway.pk)


@pytest.fixture
def components_awarded(api_a, recognition_pathway, django_capture_on_commit_callbacks, wired, org_a):
    """Award the local component, issue it, then submit the prior credential: the pathway is then awarded."""
    from mc_lms_bridge import sealstore
    from mc_lms_bridge.awards.service import grant_award

    def run(learner):
        sealstore.create_development_seal(org_a)
        _, local = recognition_pathway
        award, _ = grant_award(learner=learner, version=local.published_version(), evidence=[],
                               reason={"source": "test"})
        from mc_lms_bridge.issuance import service
        with django_capture_on_commit_callbacks(execute=True):
            service.issue(award.pk)
        with django_capture_on_commit_callbacks(execute=True):
            submit(api_a, learner, foreign_credential())
    return run

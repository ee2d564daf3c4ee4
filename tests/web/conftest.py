"""Fixtures for the web pages: a learner with one issued award (OB3 in both proofs and a sealed EDC)."""

from __future__ import annotations

import pytest

# The web models; imported here too so they are registered even before models/__init__.py lists them.
import mc_lms_bridge.models.credential_visibility  # noqa: F401
import mc_lms_bridge.models.erasure_request  # noqa: F401
import mc_lms_bridge.models.sign_in_link  # noqa: F401
from mc_lms_bridge import sealstore
from mc_lms_bridge.awards.service import grant_award
from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import CredentialFormat
from mc_lms_bridge.status.service import signed_status_list_text

HTTPS_BASE = "https://credentials.example.eu"


@pytest.fixture(autouse=True)
def https_base_url(settings):
    """Credential ids and page URLs under an https base URL (LinkedIn wants https certUrl)."""
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "BASE_URL": HTTPS_BASE}


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def award_and_issue(version, learner, *, grade="8.5/10"):
    award, _ = grant_award(learner=learner, version=version, grade=grade, reason={"source": "test"},
                           evidence=[{"id": "urn:uuid:5b1f0d2e-3a7c-4a77-8d55-0c2a5b8f6a10",
                                      "narrative": "Passed with 85 %", "source_platform": "moodle",
                                      "course_id": "42"}])
    organisation = version.microcredential.organisation
    if not organisation.seals.exists():
        sealstore.create_development_seal(organisation)
    credentials = {c.format: c for c in issue(award.pk, strict=True)}
    # Sign the status list now, as the first fetch by anyone would. Signing it lazily inside a verification gives
    # it a validFrom after the verifier's clock reading (a race in status.service, reported), failing at random.
    signed_status_list_text(credentials[CredentialFormat.OB3_DATA_INTEGRITY].status_list)
    return credentials


@pytest.fixture
def issued(version, learner):
    """{format: IssuedCredential} of one award of ``learner``."""
    return award_and_issue(version, learner)


@pytest.fixture
def page_id(issued):
    """The public id of the award's page: the Data Integrity credential's UUID."""
    return issued[CredentialFormat.OB3_DATA_INTEGRITY].pk


@pytest.fixture
def revoke():
    from mc_lms_bridge.audit import SYSTEM
    from mc_lms_bridge.status.service import change_status

    def run(credential):
        change_status(credential, "revoke", actor=SYSTEM, reason="test")
        credential.status_list.refresh_from_db()
        signed_status_list_text(credential.status_list)  # re-signed before anyone verifies (see award_and_issue)
    return run


@pytest.fixture
def signed_in(client, learner):
    """The test client with a wallet session of ``learner`` (through a real sign-in link)."""
    from mc_lms_bridge.web.sign_in import create_link

    path = create_link(learner)
    response = client.post(path)
    assert response.status_code == 302 and response.url.endswith("/wallet")
    return client

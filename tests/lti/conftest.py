"""Fixtures of the LTI tests: platform keys, the two registered platforms and their drivers."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from lti_platforms import MoodlePlatform, OpenEdxPlatform, new_private_pem


@pytest.fixture(scope="session")
def moodle_pem():
    return new_private_pem()


@pytest.fixture(scope="session")
def edx_pem():
    return new_private_pem()


@pytest.fixture(autouse=True)
def _lti_settings(settings):
    settings.PLATFORM_NAME = "Open edX Test"  # read by Open edX's consumer for its tool_platform claim
    cache.clear()


@pytest.fixture
def moodle(client, moodle_pem, org_a):
    from lti.models import LtiDeployment, LtiPlatform

    driver = MoodlePlatform(client, moodle_pem)
    driver.record = LtiPlatform.objects.create(
        name="Moodle test", organisation=org_a, issuer=driver.issuer, client_id=driver.client_id,
        auth_login_url=driver.auth_url, auth_token_url="https://moodle.test/mod/lti/token.php",
        public_jwks=driver.jwks(), family_code="moodle")
    LtiDeployment.objects.create(platform=driver.record, deployment_id=driver.deployment_id)
    return driver


@pytest.fixture
def openedx(client, edx_pem, org_a):
    from lti.models import LtiDeployment, LtiPlatform

    driver = OpenEdxPlatform(client, edx_pem)
    driver.record = LtiPlatform.objects.create(
        name="Open edX test", organisation=org_a, issuer=driver.issuer, client_id=driver.client_id,
        auth_login_url="https://openedx.test/api/lti_consumer/v1/launch/", public_jwks=driver.jwks())
    LtiDeployment.objects.create(platform=driver.record, deployment_id=driver.deployment_id)
    return driver


@pytest.fixture
def spec_server():
    from spec_server import SpecServer

    server = SpecServer().start()
    yield server
    server.stop()

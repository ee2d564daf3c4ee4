"""Chromium (Playwright) fills and publishes the instructor form inside an iframe of a page on another origin."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lti_platforms import INSTRUCTOR, MoodlePlatform, new_private_pem
from spec_server import SpecServer

from lti.models import LtiDeployment, LtiPlatform
from mc_lms_bridge.models import CourseTag

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOT = ROOT / "test-artifacts" / "lti-instructor-iframe.png"
FIELDS = {
    "text_language": "en", "title": "Data Literacy (browser)", "description": "Reading and presenting data.",
    "languages": ["en", "fr"], "learning_outcomes": "Communicate findings to a target community.",
    "ects_credits": "5", "workload_hours": "130", "eqf_level": "5", "assessment_type": "project-work",
    "participation_mode": "online", "learning_setting": "non-formal", "qa_type": "programme",
    "qa_body": "QA Agency", "supervision": "supervised-with-id-verification", "grading_scheme": "0-10",
    "rule": "passed",
}


@pytest.fixture
def lms_page():
    server = SpecServer().start()
    yield server
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_instructor_publishes_from_a_cross_origin_iframe(client, live_server, lms_page, org_a):
    driver = MoodlePlatform(client, new_private_pem())
    driver.record = LtiPlatform.objects.create(
        name="Moodle in the browser", organisation=org_a, issuer=driver.issuer, client_id=driver.client_id,
        auth_login_url=driver.auth_url, public_jwks=driver.jwks(), family_code="moodle",
        frame_origins=lms_page.base)
    LtiDeployment.objects.create(platform=driver.record, deployment_id=driver.deployment_id)
    launched = driver.launch(roles=INSTRUCTOR)
    assert launched.status_code == 303, launched.content
    tool_url = f"{live_server.url}{launched['Location']}"
    html = f'<!doctype html><title>Course</title><h1>LMS course</h1><iframe id="lti-tool" src="{tool_url}" ' \
           'width="1000" height="1300" title="Micro-credential"></iframe>'
    lms_page.routes[("GET", "/course/view.php")] = lambda seen: (200, {"Content-Type": "text/html"}, html.encode())
    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    options = {"lmsUrl": lms_page.url("/course/view.php"), "fields": FIELDS, "screenshot": str(SCREENSHOT),
               "chromium": CHROMIUM}
    run = subprocess.run(["node", str(Path(__file__).with_name("instructor_iframe.mjs")), json.dumps(options)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["message"] == "Published." and result["errors"] == []
    assert result["topUrl"].startswith(lms_page.base) and result["frameUrl"].startswith(live_server.url)
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    version = CourseTag.objects.get().microcredential.published_version()
    assert version.title == {"en": "Data Literacy (browser)"} and version.languages == ["en", "fr"]

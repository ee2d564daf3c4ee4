"""The demo runs end to end in-process and writes its artifacts under stable names."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mc_lms_bridge.demo.runner import run_demo
from mc_lms_bridge.models import AuditLogEntry, CourseTag, IssuedCredential, MicroCredential


@pytest.mark.django_db(transaction=True)  # the pipeline's after-commit work runs, as in the real demo
def test_demo_publishes_and_tags_and_is_rerunnable(tmp_path):
    lines = []
    run_demo(tmp_path, echo=lines.append)
    document = json.loads((tmp_path / "micro-credential.json").read_text())
    assert document["current"]["status"] == "published"
    assert document["published_version"] == 1
    assert len(document["current"]["learning_outcomes"]) == 5
    assert any("Submission refused" in line for line in lines)
    assert any("eqf_level" in line for line in lines)
    assert CourseTag.objects.count() == 2  # course A in Open edX, course B in Moodle
    assert AuditLogEntry.objects.filter(action="publish").count() == 3
    for name in ("ob3-credential.json", "ob3-credential.jwt", "did.json", "issuer-profile.json", "status-list.json",
                 "edc-credential.json", "edc-credential-unsigned.jsonld", "pathway-ob3-credential.json",
                 "clr-credential.json", "pathway-edc-credential.json"):
        assert (tmp_path / name).stat().st_size > 100, name
    assert sum("VERIFIED" in line and "NOT VERIFIED" not in line for line in lines) == 3
    ob3 = json.loads((tmp_path / "ob3-credential.json").read_text())
    did = json.loads((tmp_path / "did.json").read_text())
    assert ob3["proof"]["verificationMethod"] in did["assertionMethod"]
    run_demo(tmp_path, echo=lines.append)  # a second run reuses what exists
    assert MicroCredential.objects.count() == 3 and CourseTag.objects.count() == 2
    assert IssuedCredential.objects.count() == 3 + 3 + 4  # course A, course B, the stacked pathway (+ CLR)
    clr = json.loads((tmp_path / "clr-credential.json").read_text())
    assert "ClrCredential" in clr["type"]


def test_cli_demo_on_a_fresh_embedded_database(tmp_path):
    """The README's main command path: a fresh SQLite home, migrations, demo, files."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
    env["MC_BRIDGE_HOME"] = str(tmp_path / "home")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "mc_lms_bridge.cli", "demo", "--out", str(out)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Published" in result.stdout
    assert (tmp_path / "home" / "mc-bridge.sqlite3").exists()
    assert json.loads((out / "micro-credential.json").read_text())["current"]["status"] == "published"


def test_cli_refuses_bad_configuration(tmp_path):
    env = {**os.environ, "MC_BRIDGE_HOME": str(tmp_path), "MC_BRIDGE_DEBUG": "maybe"}
    result = subprocess.run([sys.executable, "-m", "mc_lms_bridge.cli", "demo"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "MC_BRIDGE_DEBUG must be true or false" in result.stderr
    assert "Traceback" not in result.stderr

"""Real browser (Playwright + Debian Chromium, headless, offline): the learner's journey, screenshots, axe-core."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from mc_lms_bridge.baking import unbake_png
from mc_lms_bridge.models import CredentialFormat, Learner
from mc_lms_bridge.verification.service import verify_any
from mc_lms_bridge.web.sign_in import create_link

from .conftest import award_and_issue

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "web"
SCRIPT = Path(__file__).with_name("browser_journey.mjs")


def run_journey(scenario: dict) -> dict:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(["node", str(SCRIPT), json.dumps(scenario)], cwd=ROOT, capture_output=True,
                               text=True, timeout=240)
    assert completed.returncode == 0, completed.stderr[-4000:]
    return json.loads(completed.stdout)


def test_learner_journey_in_a_real_browser(live_server, transactional_db, issued, learner, version, revoke):
    page_id = issued[CredentialFormat.OB3_DATA_INTEGRITY].pk
    other = Learner.objects.create(given_name="Bo", family_name="Berg", email="bo@example.org", email_verified=True)
    revoked = award_and_issue(version, other)
    revoke(revoked[CredentialFormat.OB3_DATA_INTEGRITY])
    result = run_journey({
        "baseUrl": live_server.url, "artifacts": str(ARTIFACTS), "signInPath": create_link(learner),
        "publicPath": f"/c/{page_id}", "revokedPath": f"/c/{revoked[CredentialFormat.OB3_DATA_INTEGRITY].pk}",
    })

    assert result["walletHeading"] == "My wallet"
    assert result["external"] == []
    assert result["downloadName"] == f"credential-{page_id}-badge.png"
    text = unbake_png(Path(result["downloadPath"]).read_bytes()).text
    assert text == issued[CredentialFormat.OB3_DATA_INTEGRITY].payload and verify_any(text)["verified"]
    assert "Authentic and valid" in result["verifySentence"]

    linkedin = urlsplit(result["linkedin"])
    issued_at = issued[CredentialFormat.OB3_DATA_INTEGRITY].issued_at
    assert (linkedin.scheme, linkedin.netloc, linkedin.path) == ("https", "www.linkedin.com", "/profile/add")
    params = dict(parse_qsl(linkedin.query))
    assert params.pop("startTask") == "CERTIFICATION_NAME"
    assert params.pop("name") == "Data Literacy"
    assert params.pop("organizationName") == "University univ-a"
    assert params.pop("issueYear") == str(issued_at.year)
    assert params.pop("issueMonth") == str(issued_at.month)
    assert params.pop("certUrl") == f"https://credentials.example.eu/c/{page_id}"
    assert params.pop("certId") == str(page_id)
    assert params == {}

    assert "This credential has been revoked." in result["revokedBanner"]

    for name, audit in result["audits"].items():
        serious = [v for v in audit["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], (name, serious)
        assert audit["unlabelled"] == [], name
        assert audit["focus"]["outline"] == "solid" and audit["focus"]["width"] != "0px", (name, audit["focus"])
    assert len(result["screenshots"]) == 10
    assert all(Path(path).stat().st_size > 10_000 for path in result["screenshots"])

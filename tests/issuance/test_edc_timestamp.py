"""JAdES B-T: with a timestamp authority configured, issued Europass seals carry an RFC 3161 token over HTTP."""

from __future__ import annotations

import importlib.util
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.utils import timezone

from mc_lms_bridge import sealstore
from mc_lms_bridge.crypto.jades import verify_jades
from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import CredentialFormat

pytestmark = pytest.mark.django_db


def load_local_tsa():
    path = Path(__file__).resolve().parent.parent / "crypto" / "local_tsa.py"
    spec = importlib.util.spec_from_file_location("local_tsa_for_issuance", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tsa_server():
    authority = load_local_tsa().LocalTimestampAuthority(timezone.now() + timedelta(seconds=1))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server API
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = authority.respond(body)
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield authority, f"http://127.0.0.1:{server.server_address[1]}/tsr"
    server.shutdown()


def test_issued_edc_is_b_t_with_a_configured_tsa(award, settings, tsa_server):
    authority, url = tsa_server
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "TIMESTAMP_AUTHORITY_URL": url}
    sealstore.create_development_seal(award.version.microcredential.organisation)
    credentials = {c.format: c for c in issue(award.pk, strict=True)}
    sealed = json.loads(credentials[CredentialFormat.EDC_JADES].payload)
    assert "etsiU" in sealed["signatures"][0]["header"]
    report = verify_jades(sealed, trust_anchors=sealstore.trust_anchors(), tsa_trust_anchors=[authority.certificate],
                          now=timezone.now() + timedelta(minutes=1), require_timestamp=True)
    assert report.valid, report.failed
    assert report.level == "B-T"


def test_unreachable_tsa_leaves_ob3_issued_and_reports_the_edc(award, settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "TIMESTAMP_AUTHORITY_URL": "http://127.0.0.1:9/tsr"}
    sealstore.create_development_seal(award.version.microcredential.organisation)
    credentials = {c.format for c in issue(award.pk)}
    assert credentials == {CredentialFormat.OB3_DATA_INTEGRITY, CredentialFormat.OB3_JWT}

"""Learner wallet: e-mailed one-time sign-in, no user enumeration, visibility, export, erasure."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mc_lms_bridge.models import CredentialFormat, Learner
from mc_lms_bridge.models.erasure_request import ErasureRequest
from mc_lms_bridge.models.sign_in_link import SignInLink
from mc_lms_bridge.verification.service import verify_any
from mc_lms_bridge.web.pathways_block import wallet_pathways
from mc_lms_bridge.web.sign_in import create_link, token_hash
from mc_lms_bridge.web.wallet_session import WALLET_SESSION_KEY

pytestmark = pytest.mark.django_db


def test_wallet_needs_a_session(client, db):
    response = client.get("/wallet")
    assert response.status_code == 302 and response.url == "/wallet/sign-in"


def test_sign_in_mail_and_same_answer_for_unknown_addresses(client, issued, learner):
    known = client.post("/wallet/sign-in", {"email": "ANA@example.org"})
    unknown = client.post("/wallet/sign-in", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ana@example.org"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/wallet/sign-in/" in line)
    token = link.rsplit("/", 1)[1]
    assert SignInLink.objects.get().token_hash == token_hash(token) != token
    assert client.get(f"/wallet/sign-in/{token}").status_code == 200  # GET does not use the link up
    assert client.post(f"/wallet/sign-in/{token}").url == "/wallet"
    html = client.get("/wallet").content.decode()
    assert "Data Literacy" in html and "Progress towards larger credentials" in html
    assert client.get("/wallet")["Cache-Control"] == "private, no-store"
    client.post("/wallet/sign-out")
    assert client.post(f"/wallet/sign-in/{token}").status_code == 410  # single use


def test_unverified_email_gets_no_link(client, learner):
    Learner.objects.filter(pk=learner.pk).update(email_verified=False)
    client.post("/wallet/sign-in", {"email": "ana@example.org"})
    assert mail.outbox == []


def test_expired_link_is_refused(client, learner):
    path = create_link(learner, now=timezone.now() - timedelta(hours=1))
    assert client.get(path).status_code == 410 and client.post(path).status_code == 410
    assert WALLET_SESSION_KEY not in client.session


def test_visibility_toggle_is_owner_only(client, signed_in, issued, page_id, version, django_user_model):
    assert client.post(f"/wallet/visibility/{page_id}", {}).status_code == 302
    client.post("/wallet/sign-out")
    assert client.get(f"/c/{page_id}").status_code == 404
    other = Learner.objects.create(given_name="Bo", email="bo@example.org", email_verified=True)
    client.post(create_link(other))
    assert client.post(f"/wallet/visibility/{page_id}", {"public": "on"}).status_code == 404
    assert client.get(f"/c/{page_id}").status_code == 404


def test_export_zip_holds_credentials_and_personal_data(signed_in, issued, page_id):
    response = signed_in.get("/wallet/export.zip")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert "personal-data.json" in names
    assert {f"credentials/{page_id}/{k}" for k in ("badge.png", "ob3.json", "ob3.jwt", "edc.json")} <= names
    data = json.loads(archive.read("personal-data.json"))
    assert data["learner"]["email"] == "ana@example.org" and data["awards"][0]["page_public"] is True


def test_erasure_blanks_personal_data_and_keeps_verification(client, signed_in, issued, page_id, learner, revoke):
    assert signed_in.get("/wallet/erase").status_code == 200
    assert signed_in.post("/wallet/erase", {"confirm": "erase"}).status_code == 200
    learner.refresh_from_db()
    assert (learner.given_name, learner.family_name, learner.email, learner.email_verified) == ("", "", "", False)
    assert ErasureRequest.objects.get(learner=learner).completed_at is not None
    assert signed_in.get("/wallet").status_code == 302
    assert client.get(f"/c/{page_id}").status_code == 404
    payload = issued[CredentialFormat.OB3_JWT].payload
    assert verify_any(payload)["verified"]
    revoke(issued[CredentialFormat.OB3_DATA_INTEGRITY])
    assert verify_any(payload)["status"] == "revoked"
    client.post("/wallet/sign-in", {"email": "ana@example.org"})
    assert mail.outbox == []


def test_pathways_block_is_empty_until_pathways_land(learner):
    assert wallet_pathways(learner) == []

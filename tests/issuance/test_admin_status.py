"""Admins revoke credentials from the admin with a reason that lands in the audit log."""

from __future__ import annotations

import pytest

from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import AuditLogEntry, IssuedCredential

pytestmark = pytest.mark.django_db
URL = "/admin/mc_lms_bridge/issuedcredential/"


def test_admin_revoke_asks_for_a_reason_then_revokes(admin_client, award):
    credential = issue(award.pk)[0]
    ask = admin_client.post(URL, {"action": "revoke", "_selected_action": [credential.pk]})
    assert ask.status_code == 200 and b"reason" in ask.content
    assert IssuedCredential.objects.get(pk=credential.pk).state == "active"
    done = admin_client.post(URL, {"action": "revoke", "_selected_action": [credential.pk], "apply": "1",
                                   "reason": "Identity fraud confirmed"})
    assert done.status_code == 302
    assert set(IssuedCredential.objects.filter(award=award).values_list("state", flat=True)) == {"revoked"}
    entry = AuditLogEntry.objects.get(action="revoke")
    assert entry.reason == "Identity fraud confirmed" and entry.actor_label.startswith("user:")


def test_admin_cannot_edit_or_delete_credentials(admin_client, award):
    credential = issue(award.pk)[0]
    page = admin_client.get(f"{URL}{credential.pk}/change/")
    assert page.status_code == 200 and credential.payload[:40].encode() not in page.content
    assert admin_client.post(f"{URL}{credential.pk}/delete/", {"post": "yes"}).status_code == 403

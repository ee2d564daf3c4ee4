"""Public issuer documents: DID documents, profile, achievement, status lists with caching headers."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from mc_lms_bridge import identity
from mc_lms_bridge.formats.ob3 import validate_ob3_profile
from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import IssuerKey

pytestmark = pytest.mark.django_db


def test_did_documents_list_every_key(client, award):
    issue(award.pk)
    organisation = award.version.microcredential.organisation
    response = client.get(f"/orgs/{organisation.slug}/did.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/did+json"
    document = response.json()
    assert document["id"] == identity.organisation_did(organisation) == "did:web:localhost%3A8000:orgs:univ-a"
    methods = {m["id"]: m for m in document["verificationMethod"]}
    assert len(methods) == IssuerKey.objects.filter(organisation=organisation).count() == 2
    assert set(document["assertionMethod"]) == set(methods)
    ed = next(m for m in methods.values() if m["type"] == "Multikey")
    assert ed["publicKeyMultibase"].startswith("z6Mk")
    assert "d" not in next(m for m in methods.values() if m["type"] == "JsonWebKey")["publicKeyJwk"]
    host = client.get("/.well-known/did.json").json()
    assert host["id"] == "did:web:localhost%3A8000"


def test_status_list_is_cached_and_conditional(client, award):
    credential = issue(award.pk)[0]
    url = credential.status_list and identity.status_list_url(
        credential.status_list.organisation, credential.status_list.purpose, credential.status_list.sequence)
    path = url.removeprefix(identity.base_url())
    response = client.get(path)
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"] and response["ETag"]
    body = response.json()
    assert body["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert body["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(path.replace("revocation", "suspension")).status_code == 404


def test_profile_and_achievement_documents(client, award):
    organisation = award.version.microcredential.organisation
    profile = client.get(f"/orgs/{organisation.slug}/profile.json").json()
    assert validate_ob3_profile(profile) == []
    achievement = client.get(f"/orgs/{organisation.slug}/achievements/data-literacy/v1").json()
    assert achievement["achievementType"] == "MicroCredential"
    assert client.get(f"/orgs/{organisation.slug}/achievements/data-literacy/v9").status_code == 404


def test_key_commands_never_print_private_material(capsys, award):
    organisation = award.version.microcredential.organisation
    call_command("issuer_keys", "create", organisation.slug)
    call_command("issuer_keys", "rotate", organisation.slug, "--algorithm", "ES256")
    out = capsys.readouterr().out
    assert "retired" not in out or "signing" in out
    assert "PRIVATE" not in out and '"d"' not in out
    assert out.count("#ed25519-") >= 1


def test_credential_status_api_and_cli(api_a, token_client, award):
    credential = issue(award.pk)[0]
    reader = token_client(award.version.microcredential.organisation, scopes=["credentials:read"])
    assert reader.post(f"/api/v1/credentials/{credential.pk}/revoke/", {"reason": "x"}).status_code == 403
    listed = api_a.get("/api/v1/credentials/").json()["results"]
    assert {c["format"] for c in listed} == {"ob3+di", "ob3+jwt"}
    missing_reason = api_a.post(f"/api/v1/credentials/{credential.pk}/revoke/", {})
    assert missing_reason.status_code == 400 and "reason" in missing_reason.json()["errors"]
    revoked = api_a.post(f"/api/v1/credentials/{credential.pk}/revoke/", {"reason": "Plagiarism"})
    assert revoked.status_code == 200 and revoked.json()["state"] == "revoked"
    again = api_a.post(f"/api/v1/credentials/{credential.pk}/revoke/", {"reason": "twice"})
    assert again.status_code == 400 and "revoked" in again.json()["errors"]["non_field_errors"][0]
    from mc_lms_bridge.models import AuditLogEntry

    assert AuditLogEntry.objects.get(action="revoke").reason == "Plagiarism"


def test_other_organisation_cannot_revoke(api_b, award):
    credential = issue(award.pk)[0]
    assert api_b.post(f"/api/v1/credentials/{credential.pk}/revoke/", {"reason": "x"}).status_code == 404

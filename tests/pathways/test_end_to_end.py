"""Course A in Open edX + course B in Moodle -> the pathway credential, once, in OB3, CLR and EDC; then revoked."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone
from independent_verifier import verify_many
from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

from mc_lms_bridge import sealstore, signals
from mc_lms_bridge.formats.clr import validate_clr
from mc_lms_bridge.formats.edc import validate_edc
from mc_lms_bridge.formats.ob3 import validate_ob3_schema
from mc_lms_bridge.models import Award, CredentialState, IssuedCredential, Learner
from mc_lms_bridge.pathways.clr import CLR_DATA_INTEGRITY
from mc_lms_bridge.verification.edc import verify_edc

from .conftest import credential_rule, verifier_request

pytestmark = pytest.mark.django_db(transaction=False)


def passing_in_openedx(capture):
    from connectors.openedx import events

    assert signals.connect_openedx_receivers() is True
    with capture(execute=True):
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=events.passing(True))


def pathway_rows(pathway):
    award = Award.objects.get(version__microcredential=pathway.microcredential)
    return award, {row.format: row for row in IssuedCredential.objects.filter(award=award)}


def test_two_lms_completions_issue_the_pathway_once_in_every_format_then_revocation_follows_policy(
        components, make_pathway, wired, moodle_completion, django_capture_on_commit_callbacks, client):
    course_a, course_b = components
    pathway = make_pathway("data-skills", credential_rule(course_a, course_b), policy="revoke")

    passing_in_openedx(django_capture_on_commit_callbacks)
    assert not Award.objects.filter(version__microcredential=pathway.microcredential).exists()
    moodle_completion(grade="0.9")
    moodle_completion(grade="0.95")  # a second passing event changes nothing

    learner = Learner.objects.get()
    assert {a.platform for a in learner.accounts.all()} == {"openedx", "moodle"}
    award, rows = pathway_rows(pathway)
    assert set(rows) == {"ob3+di", "ob3+jwt", "edc+jades", CLR_DATA_INTEGRITY}
    assert [c["kind"] for c in award.reason["components"]] == ["award", "award"]

    ob3 = json.loads(rows["ob3+di"].payload)
    achievement = ob3["credentialSubject"]["achievement"]
    component_rows = IssuedCredential.objects.filter(award__version__microcredential__in=components,
                                                     format="ob3+di")
    component_ids = {row.credential_id for row in component_rows}
    assert {item["id"] for item in ob3["evidence"]} == component_ids
    assert achievement["achievementType"] == "MicroCredential" and achievement["creditsAvailable"] == 11.0
    assert {r["id"] for r in achievement["related"]} >= {
        row.award.version and json.loads(row.payload)["credentialSubject"]["achievement"]["id"]
        for row in component_rows}
    assert validate_ob3_schema({**ob3, "proof": [ob3["proof"]]}) == []

    clr = json.loads(rows[CLR_DATA_INTEGRITY].payload)
    assert validate_clr(clr) == []
    embedded = {vc["id"] for vc in clr["credentialSubject"]["verifiableCredential"]}
    assert embedded == component_ids | {ob3["id"]}
    assert all(a["associationType"] == "isPartOf" and a["targetId"] == achievement["id"]
               for a in clr["credentialSubject"]["association"])
    assert {vc["proof"]["proofValue"] for vc in clr["credentialSubject"]["verifiableCredential"]} >= {
        json.loads(row.payload)["proof"]["proofValue"] for row in component_rows}

    download = client.get(f"/c/{rows['ob3+di'].pk}/clr.json")
    assert download.status_code == 200 and json.loads(download.content)["id"] == clr["id"]
    assert b"clr.json" in client.get(f"/c/{rows['ob3+di'].pk}").content

    sealed = json.loads(rows["edc+jades"].payload)
    report = verify_edc(sealed, trust_anchors=sealstore.trust_anchors([]), now=timezone.now())
    assert report.verified, report.to_dict()
    qualification = report.credential["credentialSubject"]["hasClaim"][0]["specifiedBy"]
    assert len(qualification["hasPart"]) == 2
    assert all(part["isPartialQualification"] is True for part in qualification["hasPart"])
    for specification in (qualification, *qualification["hasPart"]):  # set through the micro-credential API
        assert [area["id"] for area in specification["thematicArea"]] == ["http://data.europa.eu/snb/isced-f/0613"]
        assert specification["nqfLevel"]["id"] == "http://data.europa.eu/snb/qdr/c_c392e7a2"
    assert validate_edc(report.credential).conforms

    ob3_result, clr_result = verify_many([verifier_request(rows["ob3+di"], ob3),
                                          verifier_request(rows[CLR_DATA_INTEGRITY], clr)])
    assert ob3_result["valid"] is True, ob3_result
    assert clr_result["valid"] is True, clr_result

    # Moodle reports a failing grade: course B is revoked (its reversal policy), so is the pathway (policy revoke).
    moodle_completion(kind="failed", grade="0.2")
    award.refresh_from_db()
    assert award.revoked_at is not None
    states = set(IssuedCredential.objects.filter(award=award).values_list("state", flat=True))
    assert states == {CredentialState.REVOKED}
    ob3_result, clr_result = verify_many([verifier_request(rows["ob3+di"], ob3),
                                          verifier_request(rows[CLR_DATA_INTEGRITY], clr)])
    assert ob3_result["revoked"] is True and clr_result["revoked"] is True


def test_keep_policy_keeps_the_stacked_credential(components, make_pathway, wired, moodle_completion,
                                                  django_capture_on_commit_callbacks):
    course_a, course_b = components
    pathway = make_pathway("keep-skills", credential_rule(course_a, course_b), policy="keep")
    passing_in_openedx(django_capture_on_commit_callbacks)
    moodle_completion(grade="0.9")
    award, _ = pathway_rows(pathway)
    moodle_completion(kind="failed", grade="0.2")
    award.refresh_from_db()
    assert award.revoked_at is None
    assert set(IssuedCredential.objects.filter(award=award).values_list("state", flat=True)) == {"active"}

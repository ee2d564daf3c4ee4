"""Demo step 2: award the micro-credential to a sample learner; issue OB3 (DI + JWT) and EDC; verify all three."""

from __future__ import annotations

import json

from django.utils import timezone

from .. import identity, sealstore
from ..awards.service import grant_award
from ..catalogue.records import organisation_record
from ..crypto.document_loader import strict_document_loader
from ..crypto.jades import extract_payload
from ..formats.ob3 import build_issuer_profile
from ..issuance.service import issue
from ..management.commands.eseal import NOT_QUALIFIED
from ..models import CredentialFormat, Learner
from ..status.service import signed_status_list
from ..verification.django_fetcher import LocalDocumentFetcher
from ..verification.edc import verify_edc
from ..verification.ob3 import verify_ob3
from .output import DemoOutput


def _learner(data: dict) -> Learner:
    learner = Learner.objects.filter(email=data["email"]).first()
    return learner or Learner.objects.create(**data)


def run_issuance_step(microcredential, fixture: dict, out: DemoOutput) -> dict:
    """Issue the demo learner's credentials and verify them; return {format: IssuedCredential}."""
    version = microcredential.published_version()
    learner = _learner(fixture["learner"])
    tag = microcredential.course_tags.first()
    evidence = [{"id": f"{identity.base_url()}/demo/completions/{learner.pk}", "name": "Course completion",
                 "narrative": fixture["completion"]["narrative"], "source_platform": tag.platform,
                 "course_id": tag.course_id}]
    award, created = grant_award(learner=learner, version=version, evidence=evidence,
                                 grade=fixture["completion"]["grade"],
                                 reason={"source": "demo", "rule": tag.rule, "min_grade": str(tag.min_grade)})
    if sealstore.active_seal(microcredential.organisation) is None:
        sealstore.create_development_seal(microcredential.organisation)
        out.say("E-seal         created a development seal for Europass credentials.")
        out.say("               " + NOT_QUALIFIED)
    credentials = {c.format: c for c in issue(award.pk, strict=True)}
    out.say(f"Awarded        {learner} <- {microcredential.slug} v{version.version}"
            f"{'' if created else ' (existing award)'}")
    di = credentials[CredentialFormat.OB3_DATA_INTEGRITY]
    jwt = credentials[CredentialFormat.OB3_JWT]
    fetcher, loader, now = LocalDocumentFetcher(), strict_document_loader(), timezone.now()
    for label, payload in (("Data Integrity", json.loads(di.payload)), ("VC-JWT", jwt.payload)):
        report = verify_ob3(payload, fetch=fetcher.fetch, now=now, loader=loader)
        verdict = "VERIFIED" if report.verified else "NOT VERIFIED"
        out.say(f"Issued + checked  Open Badges 3.0 ({label}): {verdict} "
                f"[{', '.join(f'{c.name} {c.outcome}' for c in report.checks)}]")
    edc = credentials[CredentialFormat.EDC_JADES]
    edc_report = verify_edc(edc.payload, trust_anchors=sealstore.trust_anchors(), now=now)
    out.say(f"Issued + checked  Europass EDC (JAdES {edc_report.level or 'B-B'}): "
            f"{'VERIFIED' if edc_report.verified else 'NOT VERIFIED'} "
            f"[{', '.join(f'{c.name} {c.outcome}' for c in edc_report.checks)}]")
    organisation = microcredential.organisation
    out.write_bytes("edc-credential.json", (edc.payload + "\n").encode("utf-8"))
    unsigned = json.loads(extract_payload(json.loads(edc.payload)))
    out.write_json("edc-credential-unsigned.jsonld", unsigned)
    out.write_bytes("ob3-credential.json", (di.payload + "\n").encode("utf-8"))
    out.write_bytes("ob3-credential.jwt", (jwt.payload + "\n").encode("ascii"))
    out.write_json("did.json", identity.did_document(organisation))
    out.write_json("issuer-profile.json", build_issuer_profile(organisation_record(organisation)))
    out.write_json("status-list.json", signed_status_list(di.status_list))
    out.say(f"Credential page  {identity.credential_page_url(di.pk)}")
    return credentials

"""Demo step 3: a two-course pathway across Open edX and Moodle; the stacked credential in OB3, CLR and EDC."""

from __future__ import annotations

import json
from decimal import Decimal

from django.utils import timezone

from .. import identity
from ..catalogue import lifecycle
from ..connectors.base import LearnerIdentity, NormalizedCompletion
from ..crypto.jades import extract_payload
from ..models import Award, CourseTag, CredentialFormat, IssuedCredential, MicroCredential, Pathway
from ..pathways.definition import save_pathway
from ..pipeline.inbox import record_completion
from .output import DemoOutput

CONTENT_KEYS = ("title", "description", "ects_credits", "workload_hours", "stackability")


def _published(organisation, base: dict, spec: dict) -> MicroCredential:
    existing = MicroCredential.objects.filter(organisation=organisation, slug=spec["slug"]).first()
    if existing is not None and existing.published_version() is not None:
        return existing
    content = {**{k: v for k, v in base.items() if k not in ("slug", "learning_outcomes")},
               **{k: spec[k] for k in CONTENT_KEYS if k in spec}}
    version = lifecycle.create_microcredential(organisation=organisation, slug=spec["slug"], content=content,
                                               outcomes=spec["learning_outcomes"])
    lifecycle.submit_for_review(version.microcredential)
    lifecycle.publish(version.microcredential)
    return version.microcredential


def run_pathway_step(course_a: MicroCredential, learner, fixture: dict, out: DemoOutput) -> None:
    """Publish course B and the stacked credential, define the pathway, complete course B in Moodle."""
    organisation = course_a.organisation
    base = {**fixture["microcredential_draft"], **fixture["remaining_elements"]}
    spec = fixture["pathway"]
    course_b = _published(organisation, base, spec["component"])
    tag = spec["component"]["course_tag"]
    CourseTag.objects.get_or_create(microcredential=course_b, platform=tag["platform"],
                                    platform_instance=tag["platform_instance"], course_id=tag["course_id"],
                                    defaults={"rule": tag["rule"], "min_grade": tag.get("min_grade")})
    stacked = _published(organisation, base, spec["stacked"])
    pathway = Pathway.objects.filter(organisation=organisation, slug=spec["stacked"]["slug"]).first()
    if pathway is None:
        pathway = save_pathway(Pathway(
            organisation=organisation, slug=spec["stacked"]["slug"], title=spec["stacked"]["title"],
            microcredential=stacked, rule={"all_of": [{"credential": {"microcredential": str(course_a.pk)}},
                                                      {"credential": {"microcredential": str(course_b.pk)}}]}))
    out.say(f"Pathway        {pathway.slug}: {course_a.slug} (Open edX) + {course_b.slug} (Moodle) "
            f"-> {stacked.slug}")
    completion = spec["component"]["completion"]
    record_completion(NormalizedCompletion(
        platform="moodle", platform_instance=tag["platform_instance"], source_event_id=f"demo-{learner.pk}-b",
        course_id=tag["course_id"], kind="completed", grade=Decimal(completion["grade"]),
        occurred_at=timezone.now(), raw={"demo": True},
        learner=LearnerIdentity(user_id=completion["user_id"], email=learner.email, email_verified=True,
                                given_name=learner.given_name, family_name=learner.family_name)))
    award = Award.objects.filter(learner=learner, version__microcredential=stacked, revoked_at__isnull=True).first()
    if award is None:
        out.say("Pathway credential not issued (see the log).")
        return
    credentials = {c.format: c for c in IssuedCredential.objects.filter(award=award)}
    out.say(f"Stacked credential issued once in: {', '.join(sorted(credentials))}")
    if CredentialFormat.OB3_DATA_INTEGRITY in credentials:
        out.write_bytes("pathway-ob3-credential.json",
                        (credentials[CredentialFormat.OB3_DATA_INTEGRITY].payload + "\n").encode("utf-8"))
        out.say(f"Pathway page   {identity.credential_page_url(credentials[CredentialFormat.OB3_DATA_INTEGRITY].pk)}")
    if CredentialFormat.CLR_DATA_INTEGRITY in credentials:
        out.write_bytes("clr-credential.json",
                        (credentials[CredentialFormat.CLR_DATA_INTEGRITY].payload + "\n").encode("utf-8"))
    if CredentialFormat.EDC_JADES in credentials:
        sealed = json.loads(credentials[CredentialFormat.EDC_JADES].payload)
        out.write_json("pathway-edc-credential.json", json.loads(extract_payload(sealed)))

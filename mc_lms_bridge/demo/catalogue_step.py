"""Demo step 1: organisation, micro-credential draft, refused submission, completion, review, publication, tag."""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from importlib import resources

from django.db import transaction

from ..models import ApiToken, MicroCredential, Organisation
from ..models.microcredential import Status
from .api_client import DemoApiClient
from .output import DemoOutput

API = "/api/v1"


@contextmanager
def expected_client_error():
    """Silence Django's 'Bad Request' log line for a 4xx the demo provokes on purpose."""
    logger = logging.getLogger("django.request")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def load_fixture() -> dict:
    return json.loads(resources.files("mc_lms_bridge.fixtures").joinpath("demo-catalogue.json").read_text())


def ensure_organisation(data: dict) -> Organisation:
    with transaction.atomic():
        organisation, _ = Organisation.objects.update_or_create(slug=data["slug"], defaults={
            key: value for key, value in data.items() if key != "slug"})
    return organisation


def run_catalogue_step(fixture: dict, out: DemoOutput) -> MicroCredential:
    """Create and publish the demo micro-credential through the REST API; return it."""
    organisation = ensure_organisation(fixture["organisation"])
    out.say(f"Organisation  {organisation.display_name} ({organisation.slug}, {organisation.country})")
    token, raw = ApiToken.objects.create_token(organisation=organisation, name="demo")
    try:
        microcredential = _publish_microcredential(DemoApiClient(raw), organisation, fixture, out)
    finally:
        token.revoke()
    return microcredential


def _publish_microcredential(api: DemoApiClient, organisation, fixture: dict, out: DemoOutput) -> MicroCredential:
    draft = fixture["microcredential_draft"]
    existing = MicroCredential.objects.filter(organisation=organisation, slug=draft["slug"]).first()
    if existing is not None and existing.published_version() is not None:
        out.say(f"Micro-credential {existing.slug} is already published "
                f"(version {existing.published_version().version}); reusing it.")
        microcredential = existing
    else:
        if existing is None:
            created = api.request("post", f"{API}/micro-credentials/", draft, expect=(201,)).body
            existing = MicroCredential.objects.get(pk=created["id"])
            out.say(f"Draft created  {existing.slug}: version 1, status draft")
        path = f"{API}/micro-credentials/{existing.pk}"
        if existing.working_version() and existing.working_version().status == Status.DRAFT:
            with expected_client_error():
                refused = api.request("post", f"{path}/submit/", expect=(400, 200))
            if refused.status == 400:
                out.say("Submission refused, as it should be: the draft lacks mandatory EU elements:")
                for field, messages in refused.body.get("errors", {}).items():
                    out.say(f"    - {field}: {' '.join(messages)}")
                api.request("patch", f"{path}/", fixture["remaining_elements"], expect=(200,))
                out.say("Missing elements filled in; submitting again.")
                api.request("post", f"{path}/submit/", expect=(200,))
        out.say("Submitted for review; publishing.")
        api.request("post", f"{path}/publish/", expect=(200,))
        microcredential = existing
    published = api.request("get", f"{API}/micro-credentials/{microcredential.pk}/", expect=(200,)).body
    out.say(f"Published      {published['slug']} version {published['published_version']}: "
            f"{published['current']['title'].get('en')}")
    out.write_json("micro-credential.json", published)
    _tag_course(api, microcredential, fixture["course_tag"], out)
    return microcredential


def _tag_course(api: DemoApiClient, microcredential, tag: dict, out: DemoOutput) -> None:
    if not microcredential.course_tags.filter(platform=tag["platform"], course_id=tag["course_id"]).exists():
        api.request("post", f"{API}/course-tags/", {**tag, "microcredential": str(microcredential.pk)},
                    expect=(201,))
    out.say(f"Course tagged  {tag['platform']} {tag['course_id']} -> {microcredential.slug} "
            f"(rule: {tag['rule']} {tag.get('min_grade') or ''})".rstrip())

"""MicroCredentialXBlock rendered by the xblock runtime: elements, progress, credential links, escaping, Studio."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from importlib.metadata import EntryPoint

import pytest
from ccx_keys.locator import CCXBlockUsageLocator, CCXLocator
from webob import Request
from xblock.fields import ScopeIds
from xblock.validation import ValidationMessage
from xblock_runtime import COURSE_ID, LMS, LmsLikeRuntime, make_block, render

from mc_lms_bridge.awards.service import grant_award
from mc_lms_bridge.connectors.base import CompletionKind, LearnerIdentity, NormalizedCompletion
from mc_lms_bridge.models import CredentialFormat, IssuedCredential, Learner, LearnerAccount
from mc_lms_bridge.pipeline.inbox import record_completion
from xblocks.microcredential import MicroCredentialXBlock

BASE_URL = "https://credentials.example.eu"

pytestmark = pytest.mark.django_db
EVIL = "<script>alert('mc')</script>"


def completion(user_id="42", course_id=COURSE_ID, kind=CompletionKind.FAILED):
    return NormalizedCompletion(platform="openedx", platform_instance=LMS, source_event_id=str(uuid.uuid4()),
                                course_id=course_id, kind=kind, learner=LearnerIdentity(user_id=user_id),
                                occurred_at=datetime(2025, 5, 1, tzinfo=UTC))


def award_to(microcredential, user_id="42", platform_instance=LMS):
    learner = Learner.objects.create(given_name="Ada", family_name="Lovelace", email="ada@example.org")
    LearnerAccount.objects.create(learner=learner, platform="openedx", platform_instance=platform_instance,
                                  user_id=user_id)
    award, _ = grant_award(learner=learner, version=microcredential.published_version(), evidence=[], reason={})
    return award


def issue(award, fmt=CredentialFormat.OB3_DATA_INTEGRITY):
    credential_uuid = uuid.uuid4()
    IssuedCredential.objects.create(award=award, format=fmt, credential_id=f"urn:uuid:{credential_uuid}",
                                    payload="{}", issued_at=award.awarded_at)
    return credential_uuid


def handle(block, handler, payload):
    request = Request.blank("/", method="POST", body=json.dumps(payload).encode())
    return json.loads(block.runtime.handle(block, handler, request).body)


def test_entry_point_value_loads_the_block():
    entry_point = EntryPoint(name="micro_credential", value="xblocks.microcredential:MicroCredentialXBlock",
                             group="xblock.v1")
    assert entry_point.load() is MicroCredentialXBlock


def test_student_view_shows_the_eu_standard_elements_of_the_published_version(make_microcredential, tag_course):
    tag_course(make_microcredential())
    html = render(make_block(), "student_view")

    for expected in ["Data Literacy", "(version 1)", "University univ-a", "Reading and presenting data.",
                     "Develop digital content from data.", "Communicate findings to a target community.",
                     "5 ECTS credits, 130 hours", "Level 5", "Online", "QA Agency",
                     'href="https://qa.example/report"', "0-10, 6 passes", "English, French", "Does not expire",
                     "Supervision and identity verification", "Quality assurance", "Type of assessment"]:
        assert expected in html, expected
    assert "Not started" in html


def test_nqf_level_and_field_of_education_show_their_official_labels(make_microcredential, tag_course):
    tag_course(make_microcredential(nqf_level="c_c392e7a2", isced_f_codes=["0613"]))
    html = render(make_block(), "student_view")
    assert "RQF Level 6" in html and "c_c392e7a2" not in html
    assert "Field of education (ISCED-F)" in html and "Software and applications development and analysis" in html


def test_learner_with_events_but_no_award_is_in_progress(make_microcredential, tag_course):
    tag_course(make_microcredential())
    record_completion(completion(user_id="42"))
    assert "In progress" in render(make_block(user_id=42), "student_view")
    assert "Not started" in render(make_block(user_id=7), "student_view")


def test_events_of_another_course_or_lms_do_not_count(make_microcredential, tag_course):
    tag_course(make_microcredential())
    record_completion(completion(course_id="course-v1:MCB+OTHER+2025"))
    assert "Not started" in render(make_block(), "student_view")


def test_awarded_learner_gets_links_to_each_issued_credential(make_microcredential, tag_course):
    microcredential = make_microcredential()
    tag_course(microcredential)
    award = award_to(microcredential)
    ob3 = issue(award)
    edc = issue(award, CredentialFormat.EDC_JADES)

    html = render(make_block(), "student_view")
    assert "Awarded" in html
    for credential_uuid in (ob3, edc):
        assert f'href="{BASE_URL}/c/{credential_uuid}"' in html
        assert f'href="{BASE_URL}/c/{credential_uuid}/download"' in html
        assert f'value="{BASE_URL}/c/{credential_uuid}"' in html
    assert "Open Badges 3.0" in html and "Europass EDC" in html
    assert "Not started" not in html


def test_awarded_before_issuance_says_the_credential_is_coming(make_microcredential, tag_course):
    microcredential = make_microcredential()
    tag_course(microcredential)
    award_to(microcredential)
    html = render(make_block(), "student_view")
    assert "Awarded" in html and "being issued" in html and "/c/" not in html


def test_revoked_award_or_award_on_another_lms_is_not_shown(make_microcredential, tag_course):
    microcredential = make_microcredential()
    tag_course(microcredential)
    award = award_to(microcredential)
    award.revoked_at = datetime(2025, 6, 1, tzinfo=UTC)
    award.save()
    award_to(microcredential, user_id="42", platform_instance="https://other-lms.example.edu")
    assert "Awarded" not in render(make_block(), "student_view")


def test_malicious_catalogue_text_is_escaped_in_both_views(make_microcredential, tag_course):
    tag_course(make_microcredential(title={"en": EVIL}, description={"en": '"><img src=x onerror=alert(1)>'}))
    for view in ("student_view", "author_view"):
        html = render(make_block(), view)
        assert "<script>alert" not in html and "<img src=x" not in html, view
        assert "&lt;script&gt;alert(&#x27;mc&#x27;)&lt;/script&gt;" in html, view


def test_untagged_course_shows_nothing_to_learners_and_an_error_in_studio():
    block = make_block()
    assert "not available yet" in render(block, "student_view")
    author = render(make_block(user_id=None), "author_view")
    assert f"Course {COURSE_ID} is not tagged" in author
    [message] = block.validate().messages
    assert message.type == ValidationMessage.ERROR and "not tagged" in message.text


def test_unpublished_micro_credential_is_a_studio_warning(make_microcredential, tag_course):
    tag_course(make_microcredential(publish=False))
    block = make_block()
    assert "not available yet" in render(block, "student_view")
    [message] = block.validate().messages
    assert message.type == ValidationMessage.WARNING and "no published version" in message.text
    assert "not published" in render(block, "author_view")


def test_tag_on_another_lms_does_not_apply(make_microcredential, tag_course):
    tag_course(make_microcredential(), platform_instance="https://other-lms.example.edu")
    assert "not available yet" in render(make_block(), "student_view")


def test_course_team_picks_among_several_tags_through_the_handler(make_microcredential, tag_course):
    first = make_microcredential("data-literacy")
    second = make_microcredential("data-ethics", title={"en": "Data Ethics"})
    tag_course(first)
    tag_course(second)
    block = make_block(user_id=None)
    [message] = block.validate().messages
    assert message.type == ValidationMessage.WARNING and "2 micro-credentials" in message.text
    author = render(block, "author_view")
    assert f'<option value="{second.pk}"' in author and "Data Ethics (univ-a/data-ethics)" in author

    assert handle(block, "select_microcredential", {"microcredential_id": str(second.pk)}) == {
        "ok": True, "messages": []}
    assert block.microcredential_id == str(second.pk)
    assert not block.validate().messages
    assert "Data Ethics" in render(block, "student_view")

    refused = handle(block, "select_microcredential", {"microcredential_id": str(uuid.uuid4())})
    assert refused["ok"] is False and "no longer tagged" in refused["messages"][0]
    assert block.microcredential_id == str(second.pk)
    assert handle(block, "select_microcredential", {"microcredential_id": 5})["ok"] is False


def test_chosen_micro_credential_that_lost_its_tag_is_an_error(make_microcredential, tag_course):
    tag_course(make_microcredential())
    block = make_block(microcredential_id=str(uuid.uuid4()))
    [message] = block.validate().messages
    assert message.type == ValidationMessage.ERROR
    assert "not available yet" in render(block, "student_view")


def test_block_in_a_ccx_run_shows_the_master_courses_micro_credential(make_microcredential, tag_course):
    tag_course(make_microcredential())
    runtime = LmsLikeRuntime(42)
    usage_id = CCXBlockUsageLocator(CCXLocator.from_string("ccx-v1:MCB+DL101+2025+ccx@3"), "micro_credential", "b1")
    block = runtime.construct_xblock_from_class(MicroCredentialXBlock, ScopeIds(42, "micro_credential",
                                                                                usage_id, usage_id))
    assert "Data Literacy" in render(block, "student_view")

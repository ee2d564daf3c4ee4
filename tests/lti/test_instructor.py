"""Instructor page: tag the course through draft -> review -> publish, inline errors, awards revoke/suspend."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from lti.models import LtiLaunch
from mc_lms_bridge.models import (
    Award,
    CourseTag,
    CredentialState,
    IssuedCredential,
    Learner,
    MicroCredential,
    Status,
    StatusPurpose,
)
from mc_lms_bridge.status.service import allocate_entry

FORM = {
    "text_language": "en", "title": "Data Literacy", "description": "Reading and presenting data.",
    "languages": ["en", "fr"],
    "learning_outcomes": "Develop digital content from data. | "
                         "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a\n"
                         "Communicate findings to a target community.",
    "ects_credits": "5.00", "workload_hours": "130", "eqf_level": "5", "assessment_type": "project-work",
    "participation_mode": "online", "learning_setting": "non-formal", "qa_type": "programme",
    "qa_body": "QA Agency", "qa_url": "https://qa.example/report", "supervision": "supervised-with-id-verification",
    "grading_scheme": "0-10, 6 passes", "stackability": "standalone", "rule": "min_grade", "min_grade": "0.6",
}


def _launch_id(platform, **kwargs):
    response = platform.launch(**kwargs)
    assert response.status_code == 303, response.content
    return response["Location"].split("launch=")[1]


def _post(client, launch_id, action, **changes):
    data = {**FORM, **changes, "launch": launch_id, "action": action}
    return client.post("/lti/course/", {key: value for key, value in data.items() if value is not None})


def _field_errors(response, name):
    match = re.search(rf'id="field-{name}"(.*?)(?=<div class="field[ "]|<button)', response.content.decode(), re.S)
    return match.group(1) if match else ""


def test_form_offers_every_element_with_vocabulary_choices(client, moodle):
    page = client.get("/lti/course/", {"launch": _launch_id(moodle)})
    html = page.content.decode()
    for name in ("title", "description", "languages", "learning_outcomes", "ects_credits", "workload_hours",
                 "eqf_level", "nqf_level", "isced_f_codes", "qf_ehea_cycle", "assessment_type",
                 "assessment_description", "participation_mode", "learning_setting", "qa_type", "qa_body",
                 "qa_url", "prerequisites", "supervision", "grading_scheme", "stackability", "further_information",
                 "homepage", "valid_for_days", "rule", "min_grade"):
        assert f'name="{name}"' in html, name
    assert '<option value="project-work">' in html and '<option value="8">Level 8</option>' in html
    assert '<option value="supervised-with-id-verification">' in html
    assert '<option value="c_c392e7a2">RQF Level 6</option>' in html
    assert '<option value="0613">0613 Software and applications development and analysis</option>' in html
    assert 'value="Data Literacy 101"' in html  # the title starts as the course title


def test_publish_from_moodle_tags_the_course_with_the_moodle_platform(client, moodle):
    launch_id = _launch_id(moodle)
    response = _post(client, launch_id, "publish")
    assert response.status_code == 302, response.content
    tag = CourseTag.objects.get()
    assert (tag.platform, tag.platform_instance, tag.course_id) == ("moodle", "https://moodle.test", "course-7")
    assert tag.rule == "min_grade" and str(tag.min_grade) == "0.6000"
    microcredential = tag.microcredential
    assert microcredential.organisation == moodle.record.organisation
    published = microcredential.published_version()
    assert published.version == 1 and published.title == {"en": "Data Literacy"}
    assert published.eqf_level == "5" and published.languages == ["en", "fr"]
    assert [o.esco_skill_uri for o in published.learning_outcomes.all()] == [
        "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a", ""]
    page = client.get(response["Location"])
    assert b"Published." in page.content and b"Published: version 1." in page.content
    audit_labels = set(microcredential_audit_labels(microcredential))
    assert len(audit_labels) == 1 and next(iter(audit_labels)).startswith(f"lti:{moodle.record.pk}:")
    assert "moodle-user-9" not in next(iter(audit_labels))


def microcredential_audit_labels(microcredential):
    from mc_lms_bridge.models import AuditLogEntry
    return AuditLogEntry.objects.filter(object_id=str(microcredential.pk)).values_list("actor_label", flat=True)


def test_openedx_course_is_tagged_with_the_lti_platform(client, openedx):
    launch_id = _launch_id(openedx)
    assert _post(client, launch_id, "save").status_code == 302
    tag = CourseTag.objects.get()
    assert (tag.platform, tag.platform_instance, tag.course_id) == (
        "lti", "https://openedx.test", "course-v1:Org+DL+2025")
    assert tag.microcredential.working_version().status == Status.DRAFT


def test_draft_then_review_then_publish(client, moodle):
    launch_id = _launch_id(moodle)
    assert _post(client, launch_id, "save").status_code == 302
    microcredential = MicroCredential.objects.get()
    assert microcredential.working_version().status == Status.DRAFT
    assert _post(client, launch_id, "submit").status_code == 302
    assert microcredential.working_version().status == Status.IN_REVIEW
    page = client.get("/lti/course/", {"launch": launch_id})
    assert b"The version is in review" in page.content and b'name="title"' not in page.content
    assert client.post("/lti/course/", {"launch": launch_id, "action": "publish"}).status_code == 302
    assert microcredential.published_version().version == 1
    # Editing a published micro-credential starts version 2 as a draft; version 1 stays as it was.
    assert _post(client, launch_id, "save", title="Data Literacy II").status_code == 302
    assert microcredential.working_version().version == 2
    assert microcredential.published_version().title == {"en": "Data Literacy"}


def test_withdraw_sends_the_review_back_to_draft(client, moodle):
    launch_id = _launch_id(moodle)
    assert _post(client, launch_id, "submit").status_code == 302
    assert client.post("/lti/course/", {"launch": launch_id, "action": "withdraw"}).status_code == 302
    assert MicroCredential.objects.get().working_version().status == Status.DRAFT


def test_incomplete_publication_is_refused_with_each_missing_element_inline(client, moodle):
    launch_id = _launch_id(moodle)
    response = _post(client, launch_id, "publish", assessment_type="", qa_type="", learning_outcomes="")
    assert response.status_code == 400
    assert "Type of assessment is missing." in _field_errors(response, "assessment_type")
    assert "Type of quality assurance is missing." in _field_errors(response, "qa_type")
    assert "Learning outcomes are missing" in _field_errors(response, "learning_outcomes")
    microcredential = MicroCredential.objects.get()
    assert microcredential.published_version() is None
    assert microcredential.working_version().status == Status.DRAFT  # the draft itself was saved


@pytest.mark.parametrize(("field", "value", "message"), [
    ("ects_credits", "five", "Enter a number."),
    ("qa_url", "not a url", "Enter a valid URL."),
    ("eqf_level", "9", "Select a valid choice."),
    ("nqf_level", "6", "&quot;6&quot; is not an NQF level of the QDR list"),
    ("isced_f_codes", ["0613", "9998"], "&quot;9998&quot; is not an ISCED-F 2013 field of education code"),
    ("learning_outcomes", "Outcome | http://example.org/skill", "Expected an ESCO skill URI"),
    ("min_grade", None, "needs a minimum grade"),
    ("title", "", "This field is required."),
])
def test_invalid_input_is_shown_next_to_its_field(client, moodle, field, value, message):
    response = _post(client, _launch_id(moodle), "save", **{field: value})
    assert response.status_code == 400
    assert message in _field_errors(response, field), response.content.decode()
    assert not MicroCredential.objects.exists()


def test_other_courses_are_separate(client, moodle):
    assert _post(client, _launch_id(moodle), "save").status_code == 302
    assert _post(client, _launch_id(moodle, context_id="course-8"), "save", title="Other").status_code == 302
    assert sorted(CourseTag.objects.values_list("course_id", flat=True)) == ["course-7", "course-8"]
    assert MicroCredential.objects.count() == 2


def _award(microcredential, purpose=StatusPurpose.REVOCATION):
    learner = Learner.objects.create(given_name="Grace", family_name="Hopper")
    award = Award.objects.create(learner=learner, version=microcredential.published_version(),
                                 awarded_at=timezone.now())
    status_list, index = allocate_entry(microcredential.organisation, purpose)
    IssuedCredential.objects.create(award=award, format="ob3+di", credential_id="urn:uuid:x", payload="{}",
                                    status_list=status_list, status_index=index, issued_at=timezone.now())
    return award


def test_awards_are_listed_and_can_be_revoked(client, moodle):
    launch_id = _launch_id(moodle)
    _post(client, launch_id, "publish")
    award = _award(MicroCredential.objects.get())
    page = client.get("/lti/course/", {"launch": launch_id})
    assert b"Grace Hopper" in page.content and b'<td class="award-state">active</td>' in page.content
    response = client.post("/lti/course/awards/", {"launch": launch_id, "award": str(award.pk),
                                                   "action": "revoke", "reason": "plagiarism"})
    assert response.status_code == 302
    assert IssuedCredential.objects.get().state == CredentialState.REVOKED
    award.refresh_from_db()
    assert award.revoked_at is not None


def test_suspension_needs_a_suspension_list_and_is_explained(client, moodle):
    launch_id = _launch_id(moodle)
    _post(client, launch_id, "publish")
    award = _award(MicroCredential.objects.get())
    response = client.post("/lti/course/awards/", {"launch": launch_id, "award": str(award.pk), "action": "suspend"})
    assert response.status_code == 400 and b"can be revoked but not suspended" in response.content
    suspendable = _award(MicroCredential.objects.get(), StatusPurpose.SUSPENSION)
    response = client.post("/lti/course/awards/", {"launch": launch_id, "award": str(suspendable.pk),
                                                   "action": "suspend"})
    assert response.status_code == 302
    assert IssuedCredential.objects.get(award=suspendable).state == CredentialState.SUSPENDED


def test_awards_of_another_course_cannot_be_changed(client, moodle):
    other_launch = _launch_id(moodle, context_id="course-8")
    _post(client, other_launch, "publish", title="Other")
    award = _award(MicroCredential.objects.get())
    launch_id = _launch_id(moodle)  # course-7 instructor
    response = client.post("/lti/course/awards/", {"launch": launch_id, "award": str(award.pk), "action": "revoke"})
    assert response.status_code == 400
    assert IssuedCredential.objects.get().state == CredentialState.ACTIVE
    assert LtiLaunch.objects.count() == 2


def test_fields_of_education_and_nqf_level_are_saved_and_shown_again(client, moodle):
    launch_id = _launch_id(moodle)
    response = _post(client, launch_id, "save", isced_f_codes=["0613", "0542"], nqf_level="c_c392e7a2")
    assert response.status_code == 302, response.content
    draft = MicroCredential.objects.get().working_version()
    assert (draft.isced_f_codes, draft.nqf_level) == (["0613", "0542"], "c_c392e7a2")
    html = client.get("/lti/course/", {"launch": launch_id}).content.decode()
    assert '<option value="0542" selected>' in html and '<option value="c_c392e7a2" selected>' in html


def test_a_free_text_nqf_level_of_an_older_version_is_kept_until_a_level_is_chosen(client, moodle):
    launch_id = _launch_id(moodle)
    assert _post(client, launch_id, "save").status_code == 302
    microcredential = MicroCredential.objects.get()
    microcredential.versions.update(nqf_level="Niveau 6")  # stored before the QDR vocabulary
    html = client.get("/lti/course/", {"launch": launch_id}).content.decode()
    assert '<option value="Niveau 6" selected>Niveau 6 (free text from an older version' in html
    response = _post(client, launch_id, "save", title="Data Literacy II", nqf_level="Niveau 6")
    assert response.status_code == 302, response.content
    draft = microcredential.working_version()
    assert (draft.title, draft.nqf_level) == ({"en": "Data Literacy II"}, "Niveau 6")
    # another free text is not offered, a QDR level replaces the old text
    refused = _post(client, launch_id, "save", nqf_level="Niveau 7")
    assert refused.status_code == 400
    assert "&quot;Niveau 7&quot; is not an NQF level" in _field_errors(refused, "nqf_level")
    assert _post(client, launch_id, "save", nqf_level="c_c392e7a2").status_code == 302
    draft.refresh_from_db()
    assert draft.nqf_level == "c_c392e7a2"
    html = client.get("/lti/course/", {"launch": launch_id}).content.decode()
    assert "Niveau 6" not in html

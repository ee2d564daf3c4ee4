"""The admin edits a draft's ISCED-F fields and NQF level with the API's vocabulary checks."""

from __future__ import annotations

import pytest

from mc_lms_bridge.models import MicroCredential

pytestmark = pytest.mark.django_db


def _draft_change_url(api_a, complete_payload) -> tuple[str, MicroCredential]:
    created = api_a.post("/api/v1/micro-credentials/", complete_payload)
    assert created.status_code == 201, created.content
    microcredential = MicroCredential.objects.get(pk=created.json()["id"])
    draft = microcredential.working_version()
    return f"/admin/mc_lms_bridge/microcredentialversion/{draft.pk}/change/", microcredential


def _form_data(page, **changes) -> dict:
    """What the browser would post back for the change page, with some fields changed."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value not in (None, False):
                data[form[name].html_name] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_admin_saves_known_codes_and_names_an_unknown_isced_f_code(admin_client, api_a, complete_payload):
    url, microcredential = _draft_change_url(api_a, complete_payload)
    page = admin_client.get(url)
    saved = admin_client.post(url, _form_data(page, isced_f_codes='["0613"]', nqf_level="c_c392e7a2"))
    assert saved.status_code == 302, saved.context["adminform"].form.errors if saved.context else saved.content
    draft = microcredential.working_version()
    assert (draft.isced_f_codes, draft.nqf_level) == (["0613"], "c_c392e7a2")

    refused = admin_client.post(url, _form_data(page, isced_f_codes='["0613", "9998"]', nqf_level="RQF 6"))
    assert refused.status_code == 200
    errors = refused.context["adminform"].form.errors
    assert set(errors) == {"isced_f_codes", "nqf_level"}
    assert "9998" in errors["isced_f_codes"][0] and "RQF 6" in errors["nqf_level"][0]


def test_admin_keeps_an_unchanged_free_text_nqf_level(admin_client, api_a, complete_payload):
    url, microcredential = _draft_change_url(api_a, complete_payload)
    microcredential.versions.update(nqf_level="Niveau 6")
    page = admin_client.get(url)
    saved = admin_client.post(url, _form_data(page, qa_body="Other QA Agency"))
    assert saved.status_code == 302, saved.context["adminform"].form.errors if saved.context else saved.content
    draft = microcredential.working_version()
    assert (draft.qa_body, draft.nqf_level) == ("Other QA Agency", "Niveau 6")
    refused = admin_client.post(url, _form_data(page, nqf_level="Niveau 7"))
    assert refused.status_code == 200 and "nqf_level" in refused.context["adminform"].form.errors

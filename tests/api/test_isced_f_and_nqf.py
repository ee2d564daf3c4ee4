"""ISCED-F fields of education and the NQF level (QDR concept) through the API: validated codes, field-level 400s."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from mc_lms_bridge.models import MicroCredential, MicroCredentialVersion

API = "/api/v1/micro-credentials/"
pytestmark = pytest.mark.django_db


def test_fields_of_education_and_nqf_level_are_stored_and_returned(api_a, complete_payload):
    response = api_a.post(API, {**complete_payload, "isced_f_codes": ["0613", "0542"], "nqf_level": "c_c392e7a2"})
    assert response.status_code == 201, response.content
    current = response.json()["current"]
    assert (current["isced_f_codes"], current["nqf_level"]) == (["0613", "0542"], "c_c392e7a2")
    version = MicroCredentialVersion.objects.get()
    assert (version.isced_f_codes, version.nqf_level) == (["0613", "0542"], "c_c392e7a2")


def test_an_unknown_isced_f_code_gets_a_field_level_400_naming_it(api_a, complete_payload):
    response = api_a.post(API, {**complete_payload, "isced_f_codes": ["0613", "9998"]})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == ["isced_f_codes"]
    assert "9998" in str(errors["isced_f_codes"]) and "isced_f" in str(errors["isced_f_codes"])
    assert MicroCredential.objects.count() == 0


@pytest.mark.parametrize("value", [["0613", "0613"], "0613", [613], [""]])
def test_malformed_isced_f_lists_get_field_level_400s(api_a, complete_payload, value):
    response = api_a.post(API, {**complete_payload, "isced_f_codes": value})
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["isced_f_codes"]
    assert MicroCredential.objects.count() == 0


@pytest.mark.parametrize("value", ["6", "RQF Level 6", "http://data.europa.eu/snb/qdr/c_c392e7a2"])
def test_an_nqf_level_that_is_not_a_qdr_code_gets_a_field_level_400(api_a, complete_payload, value):
    response = api_a.post(API, {**complete_payload, "nqf_level": value})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == ["nqf_level"] and value in errors["nqf_level"][0]
    assert "/api/v1/vocabularies/nqf/" in errors["nqf_level"][0]


def test_the_new_vocabularies_are_served(api_a):
    nqf = api_a.get("/api/v1/vocabularies/nqf/")
    assert nqf.status_code == 200
    assert "c_c392e7a2" in nqf.content.decode() and "RQF Level 6" in nqf.content.decode()
    isced_f = api_a.get("/api/v1/vocabularies/isced_f/")
    assert isced_f.status_code == 200 and "0613" in isced_f.content.decode()


def test_model_validation_names_the_unknown_isced_f_code(published):
    version = MicroCredentialVersion(microcredential_id=published, version=9, title={"en": "t"},
                                     isced_f_codes=["0613", "bogus"])
    with pytest.raises(ValidationError) as caught:
        version.full_clean()
    assert list(caught.value.message_dict) == ["isced_f_codes"]
    assert "bogus" in caught.value.message_dict["isced_f_codes"][0]


def test_a_free_text_nqf_level_of_an_older_version_does_not_block_other_edits(api_a, published):
    MicroCredentialVersion.objects.filter(microcredential_id=published).update(nqf_level="Niveau 6")
    response = api_a.patch(f"{API}{published}/", {"isced_f_codes": ["0613"]})
    assert response.status_code == 200, response.content
    draft = MicroCredential.objects.get(pk=published).working_version()
    assert (draft.version, draft.nqf_level, draft.isced_f_codes) == (2, "Niveau 6", ["0613"])
    # sending the free text itself is refused; a QDR code replaces it
    refused = api_a.patch(f"{API}{published}/", {"nqf_level": "Niveau 6"})
    assert refused.status_code == 400 and list(refused.json()["errors"]) == ["nqf_level"]
    assert api_a.patch(f"{API}{published}/", {"nqf_level": "c_c392e7a2"}).status_code == 200
    draft.refresh_from_db()
    assert draft.nqf_level == "c_c392e7a2"

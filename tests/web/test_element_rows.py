"""The readable element rows of a credential page show the NQF level and ISCED-F fields by their labels."""

from __future__ import annotations

from dataclasses import replace

from mc_lms_bridge.web.elements import element_rows
from tests.formats.ob3.credentials import sample_credential
from tests.formats.sample_records import sample_microcredential


def _rows(credential) -> dict:
    rows, _outcomes = element_rows(credential)
    return {row.label: row for row in rows}


def test_nqf_level_and_fields_of_education_are_shown_by_label_with_the_concept_link():
    rows = _rows(sample_credential())
    assert (rows["NQF level"].value, rows["NQF level"].url) == (
        "RQF Level 6", "http://data.europa.eu/snb/qdr/c_c392e7a2")
    fields = rows["Field of education (ISCED-F)"].value
    assert fields == "Software and applications development and analysis, Statistics"


def test_a_free_text_nqf_level_is_shown_as_written_and_no_empty_field_row():
    legacy = replace(sample_microcredential(), nqf_level="Niveau 6", isced_f_codes=())
    rows = _rows(sample_credential(microcredential=legacy))
    assert rows["NQF level"].value == "NQF level Niveau 6"
    assert "Field of education (ISCED-F)" not in rows

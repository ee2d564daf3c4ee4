"""The skeleton cache gives the same verdict as a full SHACL run, and skips it for same-shaped credentials."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from mc_lms_bridge.formats.edc import build_edc_credential, template_cache, validate_edc
from mc_lms_bridge.formats.edc.template_cache import personal_values, validate_edc_fast

from ..sample_records import sample_award, sample_issuer, sample_learner, sample_microcredential

NOW = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
MC = sample_microcredential()
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)


def build(learner, award):
    return build_edc_credential(award=award, microcredential=MC, learner=learner, issuer=sample_issuer(), now=NOW)


def personal(learner, award):
    return personal_values([learner.given_name, learner.family_name, learner.full_name, award.grade],
                           emails=[learner.email])


def test_second_learner_hits_the_cache():
    template_cache.clear_cache()
    first, second = sample_learner(), replace(sample_learner(), given_name="Zoë", family_name="Ðorđević",
                                              email="zoe@example.org", id="3f6c5d1e-9a0b-4c2d-8e7f-1a2b3c4d5e6f",
                                              subject_id="urn:uuid:3f6c5d1e-9a0b-4c2d-8e7f-1a2b3c4d5e6f")
    award = sample_award()
    assert validate_edc_fast(build(first, award), personal(first, award)).conforms
    with mock.patch.object(template_cache, "validate_edc", side_effect=AssertionError("SHACL ran")):
        report = validate_edc_fast(build(second, award), personal(second, award))
    assert report.conforms


def test_broken_document_is_never_a_hit():
    template_cache.clear_cache()
    learner, award = sample_learner(), sample_award()
    document = build(learner, award)
    assert validate_edc_fast(document, personal(learner, award)).conforms
    broken = build(learner, award)
    claim = broken["credentialSubject"]["hasClaim"]
    claim = claim[0] if isinstance(claim, list) else claim
    proven = claim["provenBy"][0] if isinstance(claim["provenBy"], list) else claim["provenBy"]
    proven.pop("grade")
    report = validate_edc_fast(broken, personal(learner, award))
    assert not report.conforms and report.messages


@settings(max_examples=25, deadline=None)
@given(given_name=names, family_name=names, grade=st.text(max_size=12))
def test_cached_verdict_equals_full_validation(given_name, family_name, grade):
    template_cache.clear_cache()
    award = replace(sample_award(), grade=grade)
    base = sample_learner()
    validate_edc_fast(build(base, award), personal(base, award))  # warm the cache with a valid skeleton
    learner = replace(base, given_name=given_name, family_name=family_name)
    try:
        document = build(learner, award)
    except ValueError:
        return  # the builder refuses such a learner before any validation
    fast = validate_edc_fast(document, personal(learner, award)).conforms
    assert fast == validate_edc(document).conforms


def test_personal_values_read_from_the_document_match_the_records():
    learner, award = sample_learner(), sample_award()
    document = build(learner, award)
    found = template_cache.personal_values_of(document)
    assert {learner.given_name, learner.family_name, learner.email} <= found
    assert found <= personal(learner, award) | {learner.full_name}


def test_a_thematic_area_or_nqf_level_from_another_scheme_is_never_a_hit():
    """The concepts (ISCED-F codes, NQF level) are part of the skeleton: a wrong scheme gets the full validation."""
    template_cache.clear_cache()
    learner, award = sample_learner(), sample_award()
    assert validate_edc_fast(build(learner, award), personal(learner, award)).conforms
    for key in ("thematicArea", "nqfLevel"):
        broken = build(learner, award)
        specification = broken["credentialSubject"]["hasClaim"][0]["specifiedBy"]
        concept = specification[key][0] if isinstance(specification[key], list) else specification[key]
        concept["inScheme"] = {"id": "http://data.europa.eu/snb/eqf/25831c2", "type": "ConceptScheme"}
        report = validate_edc_fast(broken, personal(learner, award))
        assert not report.conforms and report.messages, key
    other_field = build_edc_credential(award=award, microcredential=replace(MC, isced_f_codes=("0542",)),
                                       learner=learner, issuer=sample_issuer(), now=NOW)
    with mock.patch.object(template_cache, "validate_edc", wraps=validate_edc) as full:
        assert validate_edc_fast(other_field, personal(learner, award)).conforms
    assert full.call_count == 1  # another field of education is another skeleton

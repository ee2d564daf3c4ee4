"""Property tests: any valid record set gives a schema-valid credential whose EU elements read back intact."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.ob3 import extract_eu_elements, validate_ob3_schema
from mc_lms_bridge.formats.record import LearningOutcomeRecord, QualityAssuranceRecord, lang_text

from ..sample_records import sample_award, sample_microcredential
from .credentials import sample_credential

LANGUAGES = ("en", "fr", "de", "nl", "el", "pl")
TRICKY = st.sampled_from(["&", "<", ">", '"', "'", "\\", "é", "Ω", "日本", "\u200b", "`", "#", "\t"])
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), TRICKY), min_size=1, max_size=6).map("".join)
VISIBLE_TEXT = TEXT.filter(lambda text: text.strip())


def codes(name: str):
    return st.sampled_from(vocab.get(name).codes())


@st.composite
def records(draw):
    languages = tuple(draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True)))
    texts = st.fixed_dictionaries({language: VISIBLE_TEXT for language in languages})
    outcomes = draw(
        st.lists(
            st.builds(
                LearningOutcomeRecord,
                text=texts.map(lang_text),
                esco_skill_uri=st.one_of(
                    st.just(""), st.uuids().map(lambda u: f"http://data.europa.eu/esco/skill/{u}")
                ),
            ),
            min_size=1,
            max_size=6,
        )
    )
    ects = draw(
        st.one_of(st.none(), st.decimals(min_value=Decimal("0.5"), max_value=Decimal("60"), places=1))
    )
    hours = (
        draw(st.integers(min_value=1, max_value=1500))
        if ects is None
        else draw(st.none() | st.integers(1, 1500))
    )
    microcredential = replace(
        sample_microcredential(),
        title=lang_text(draw(texts)),
        description=lang_text(draw(texts)),
        languages=languages,
        learning_outcomes=tuple(outcomes),
        ects_credits=ects,
        workload_hours=hours,
        eqf_level=draw(st.none() | st.integers(min_value=1, max_value=8)),
        assessment_type=draw(codes("assessment_type")),
        participation_mode=draw(codes("participation_mode")),
        learning_setting=draw(codes("learning_setting")),
        supervision=draw(st.just("") | codes("supervision")),
        quality_assurance=QualityAssuranceRecord(
            qa_type=draw(codes("qa_type")), body_name=draw(st.just("") | TEXT)
        ),
        prerequisites=lang_text(draw(st.just({}) | texts)),
        grading_scheme=lang_text(draw(st.just({}) | texts)),
        stackability=draw(st.sampled_from(["standalone", "stackable"])),
    )
    award = replace(sample_award(), grade=draw(st.just("") | TEXT))
    return microcredential, award


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_random_valid_records_give_a_schema_valid_credential(pair):
    microcredential, award = pair
    credential = sample_credential(microcredential=microcredential, award=award)
    assert validate_ob3_schema(credential) == []
    extracted = extract_eu_elements(credential)
    first = microcredential.languages[0]
    assert extracted["title"] == microcredential.title[first]
    assert [outcome["text"] for outcome in extracted["learning_outcomes"]] == [
        outcome.text[first] for outcome in microcredential.learning_outcomes
    ]
    assert [outcome["esco_skill_uri"] or "" for outcome in extracted["learning_outcomes"]] == [
        outcome.esco_skill_uri for outcome in microcredential.learning_outcomes
    ]
    assert extracted["languages"] == list(microcredential.languages)
    assert extracted["workload_hours"] == microcredential.workload_hours
    expected_credits = None if microcredential.ects_credits is None else float(microcredential.ects_credits)
    assert extracted["ects_credits"] == expected_credits
    assert (extracted["eqf_level"] or {}).get("code") == (
        None if microcredential.eqf_level is None else str(microcredential.eqf_level)
    )
    assert extracted["participation_mode"]["code"] == microcredential.participation_mode
    assert (extracted["supervision"] or {}).get("code", "") == microcredential.supervision
    assert extracted["grade"] == (award.grade or None)
    assert extracted["stackability"] == microcredential.stackability

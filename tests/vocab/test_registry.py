"""Tests of vocab.NAMES / vocab.get and the invariants of every shipped vocabulary."""

import re
import subprocess
import sys

import pytest

from mc_lms_bridge import vocab

from .paths import REPO_ROOT

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CODE_PATTERNS = {
    "eqf": re.compile(r"^[1-8]$"),
    "country": re.compile(r"^[A-Z]{2}$"),
    "language": re.compile(r"^[a-z]{2}$"),
    "isced_f": re.compile(r"^[0-9]{2,4}$"),
    "nqf": re.compile(r"^c_[0-9a-f]{8}$"),
}


def test_names_are_the_contract_names_in_order():
    assert vocab.NAMES == (
        "eqf", "participation_mode", "learning_setting", "assessment_type", "credit_framework",
        "supervision", "qa_type", "country", "language", "credential_profile", "isced_f", "nqf",
    )


@pytest.mark.parametrize("name", vocab.NAMES)
def test_every_vocabulary_loads_with_its_name_and_concepts(name):
    vocabulary = vocab.get(name)
    assert vocabulary.name == name
    assert vocabulary.scheme_uri.startswith("http://")
    assert len(vocabulary) >= 2


@pytest.mark.parametrize("name", vocab.NAMES)
def test_codes_and_uris_are_unique(name):
    concepts = list(vocab.get(name))
    assert len({concept.code for concept in concepts}) == len(concepts)
    assert len({concept.uri for concept in concepts}) == len(concepts)


@pytest.mark.parametrize("name", vocab.NAMES)
def test_code_to_uri_to_code_round_trips(name):
    vocabulary = vocab.get(name)
    for code, _label in vocabulary.choices():
        assert vocabulary.code(vocabulary.uri(code)) == code
        assert code in vocabulary


@pytest.mark.parametrize("name", vocab.NAMES)
def test_codes_have_the_documented_shape_and_labels_are_english_text(name):
    pattern = CODE_PATTERNS.get(name, SLUG)
    for concept in vocab.get(name):
        assert pattern.match(concept.code), concept.code
        assert concept.labels["en"].strip() == concept.labels["en"] != ""
        assert "\n" not in concept.labels["en"]


@pytest.mark.parametrize("name", vocab.NAMES)
def test_concept_uris_live_under_the_scheme_base(name):
    vocabulary = vocab.get(name)
    base = vocabulary.scheme_uri.removesuffix("/25831c2")
    for concept in vocabulary:
        assert concept.uri.rsplit("/", 1)[0] == base


def test_choices_follow_iteration_order_and_are_stable():
    vocabulary = vocab.get("participation_mode")
    assert vocabulary.choices() == [(concept.code, concept.labels["en"]) for concept in vocabulary]
    assert [code for code, _ in vocabulary.choices()][:4] == ["online", "blended", "presential", "work-based"]
    assert vocab.get("eqf").codes() == [str(level) for level in range(1, 9)]


def test_get_returns_the_same_cached_object():
    assert vocab.get("country") is vocab.get("country")


@pytest.mark.parametrize("bad_name", ["mode", "", "EQF", None, 3])
def test_unknown_vocabulary_name_raises_key_and_value_error(bad_name):
    with pytest.raises(vocab.UnknownVocabulary) as caught:
        vocab.get(bad_name)
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, ValueError)
    assert repr(bad_name) in str(caught.value)
    assert "participation_mode" in str(caught.value)


def test_the_vocabulary_package_does_not_import_django():
    script = "import sys, mc_lms_bridge.vocab as v; v.get('eqf').uri('1'); print('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            cwd=REPO_ROOT)
    assert result.stdout.strip() == "False"

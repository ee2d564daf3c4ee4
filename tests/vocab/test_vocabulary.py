"""Tests of the Vocabulary and Concept lookup objects, including their errors."""

import dataclasses

import pytest

from mc_lms_bridge import vocab
from mc_lms_bridge.vocab import Concept, UnknownConcept, Vocabulary


def small_vocabulary():
    return Vocabulary(
        "colour",
        "http://example.org/colour/scheme",
        [
            Concept("red", "http://example.org/colour/r", {"en": "Red", "fr": "Rouge"}),
            Concept("green", "http://example.org/colour/g", {"en": "Green"}),
        ],
    )


def test_unknown_code_raises_unknown_concept_naming_vocabulary_value_and_valid_codes():
    with pytest.raises(UnknownConcept) as caught:
        vocab.get("participation_mode").uri("carrier-pigeon")
    message = str(caught.value)
    assert "'carrier-pigeon'" in message
    assert "participation_mode" in message
    assert "online" in message
    assert isinstance(caught.value, ValueError)
    assert caught.value.vocabulary == "participation_mode"
    assert caught.value.value == "carrier-pigeon"


def test_unknown_uri_raises_unknown_concept_naming_the_uri():
    bad_uri = "http://data.europa.eu/snb/learning-assessment/0000000000"
    with pytest.raises(UnknownConcept, match="0000000000") as caught:
        vocab.get("participation_mode").code(bad_uri)
    assert "concept URI" in str(caught.value)
    assert "participation_mode" in str(caught.value)


@pytest.mark.parametrize("bad_value", ["", "ONLINE", None, ["online"], {"a": 1}, 1.5])
def test_other_bad_values_raise_unknown_concept(bad_value):
    with pytest.raises(UnknownConcept):
        vocab.get("participation_mode").concept(bad_value)
    assert bad_value not in vocab.get("participation_mode")


def test_a_uri_is_not_accepted_where_a_code_is_expected():
    online_uri = vocab.get("participation_mode").uri("online")
    with pytest.raises(UnknownConcept):
        vocab.get("participation_mode").uri(online_uri)


def test_integer_eqf_levels_are_accepted_but_out_of_range_ones_are_not():
    eqf = vocab.get("eqf")
    assert eqf.uri(6) == "http://data.europa.eu/snb/eqf/6"
    assert 8 in eqf
    with pytest.raises(UnknownConcept, match="9"):
        eqf.uri(9)
    assert (True in eqf) is False, "a boolean must not pass as EQF level 1"


def test_concept_lookup_returns_a_frozen_concept():
    concept = vocab.get("participation_mode").concept("online")
    online_uri = "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
    assert concept == Concept("online", online_uri, {"en": "Online"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        concept.code = "x"
    with pytest.raises(TypeError):
        concept.labels["en"] = "changed"
    assert hash(concept) == hash(Concept(concept.code, concept.uri, {"en": "other label"}))


def test_label_uses_the_language_and_falls_back_to_english():
    colours = small_vocabulary()
    assert colours.label("red", "fr") == "Rouge"
    assert colours.label("green", "fr") == "Green"
    assert colours.label("red") == "Red"


def test_iteration_membership_and_length():
    colours = small_vocabulary()
    assert [concept.code for concept in colours] == ["red", "green"]
    assert "red" in colours and "blue" not in colours
    assert len(colours) == 2
    assert colours.choices() == [("red", "Red"), ("green", "Green")]
    assert "colour" in repr(colours)


def test_duplicate_codes_or_uris_are_rejected():
    with pytest.raises(ValueError, match="duplicate"):
        Vocabulary("x", "http://example.org/s", [Concept("a", "http://e/1"), Concept("a", "http://e/2")])
    with pytest.raises(ValueError, match="duplicate"):
        Vocabulary("x", "http://example.org/s", [Concept("a", "http://e/1"), Concept("b", "http://e/1")])


def test_from_payload_builds_the_same_vocabulary():
    payload = {
        "name": "colour",
        "scheme_uri": "http://example.org/colour/scheme",
        "concepts": [{"code": "red", "uri": "http://example.org/colour/r", "labels": {"en": "Red"}}],
    }
    colours = Vocabulary.from_payload(payload)
    assert colours.uri("red") == "http://example.org/colour/r"
    assert colours.scheme_uri == "http://example.org/colour/scheme"

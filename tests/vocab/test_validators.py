"""Tests of the Django VocabularyValidator and vocabulary_choices helper."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.db.migrations.writer import MigrationWriter

from mc_lms_bridge import vocab
from mc_lms_bridge.vocab.validators import VocabularyValidator, vocabulary_choices


def test_known_codes_are_accepted():
    VocabularyValidator("participation_mode")("online")
    VocabularyValidator("country")("BE")
    VocabularyValidator("eqf")("6")


def test_unknown_code_is_rejected_with_code_and_a_message_naming_vocabulary_and_value():
    with pytest.raises(ValidationError) as caught:
        VocabularyValidator("participation_mode")("carrier-pigeon")
    error = caught.value
    assert error.code == "unknown_concept"
    message = error.messages[0]
    assert "carrier-pigeon" in message
    assert "participation_mode" in message
    assert "online" in message


def test_validator_works_as_a_model_field_validator():
    field = models.CharField(max_length=32, validators=[VocabularyValidator("learning_setting")])
    field.run_validators("formal")
    with pytest.raises(ValidationError) as caught:
        field.run_validators("informal")
    assert caught.value.error_list[0].code == "unknown_concept"


def test_unknown_vocabulary_name_fails_at_construction():
    with pytest.raises(vocab.UnknownVocabulary):
        VocabularyValidator("nope")


def test_validator_deconstructs_and_compares_by_vocabulary_name():
    validator = VocabularyValidator("qa_type")
    path, args, kwargs = validator.deconstruct()
    assert path == "mc_lms_bridge.vocab.validators.VocabularyValidator"
    assert (args, kwargs) == (("qa_type",), {})
    assert validator == VocabularyValidator("qa_type")
    assert validator != VocabularyValidator("eqf")
    assert hash(validator) == hash(VocabularyValidator("qa_type"))


def test_validator_serialises_into_a_migration():
    source, imports = MigrationWriter.serialize(VocabularyValidator("supervision"))
    assert source == "mc_lms_bridge.vocab.validators.VocabularyValidator('supervision')"
    assert imports == {"import mc_lms_bridge.vocab.validators"}


def test_vocabulary_choices_are_django_style_pairs():
    choices = vocabulary_choices("learning_setting")
    assert choices == [("formal", "formal learning"), ("non-formal", "non-formal learning")]
    field = models.CharField(max_length=32, choices=vocabulary_choices("credit_framework"))
    assert [code for code, _ in field.choices] == ["ects", "ecvet"]


def test_isced_f_and_nqf_validators_accept_codes_only():
    VocabularyValidator("isced_f")("0613")
    VocabularyValidator("nqf")("c_c392e7a2")
    for name, value in [("isced_f", "http://data.europa.eu/snb/isced-f/0613"), ("isced_f", "613"),
                        ("nqf", "RQF Level 6"), ("nqf", "6")]:
        with pytest.raises(ValidationError) as caught:
            VocabularyValidator(name)(value)
        assert value in caught.value.messages[0] and name in caught.value.messages[0]


def test_list_validator_refuses_non_string_codes():
    from django.core.exceptions import ValidationError

    from mc_lms_bridge.vocab.validators import VocabularyListValidator

    with pytest.raises(ValidationError, match="is a string"):
        VocabularyListValidator("isced_f")([613, "0613"])
    VocabularyListValidator("isced_f")(["0613"])  # the same code as a string is fine

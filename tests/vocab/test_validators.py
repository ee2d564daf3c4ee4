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

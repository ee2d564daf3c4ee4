"""validate_edc flags broken documents in an instructor's words, offline, with the shapes parsed once."""

from __future__ import annotations

import copy
import threading

import pytest

from mc_lms_bridge.formats.edc import (
    EdcContextError,
    EdcValidationError,
    ensure_valid_edc,
    validate_edc,
)
from mc_lms_bridge.formats.edc.shapes import edc_shapes

from .conftest import load_json


def broken(credential: dict, change) -> dict:
    """A deep copy of the credential with ``change`` applied to it."""
    copy_ = copy.deepcopy(credential)
    change(copy_)
    return copy_


def achievement(credential: dict) -> dict:
    return credential["credentialSubject"]["hasClaim"][0]


def test_missing_grade_is_reported_with_element_focus_and_path(sample_credential):
    document = broken(sample_credential, lambda c: achievement(c)["provenBy"][0].pop("grade"))
    report = validate_edc(document)
    assert not report.conforms
    [violation] = report.violations
    assert violation.message == "The assessment has no grade."
    assert violation.element == "LearningAssessment.grade"
    assert violation.focus_node == achievement(sample_credential)["provenBy"][0]["id"]
    assert violation.path == "http://data.europa.eu/snb/model/elm/grade"
    assert violation.constraint == "MinCountConstraintComponent"
    assert "Less than 1 values" in violation.shacl_message


def test_learning_outcome_without_title_is_named_by_position(sample_credential):
    document = broken(sample_credential, lambda c: achievement(c)["specifiedBy"]["learningOutcome"][1].pop("title"))
    assert validate_edc(document).messages == ["Learning outcome 2 has no title."]


def test_concept_without_scheme_in_a_restricted_vocabulary(sample_credential):
    document = broken(sample_credential, lambda c: achievement(c)["specifiedBy"]["eqfLevel"].pop("inScheme"))
    messages = validate_edc(document).messages
    assert "The EQF level has no concept scheme (inScheme)." in messages
    assert "The EQF level of the qualification is not taken from the official EU vocabulary." in messages


def test_concept_without_scheme_anywhere_else(sample_credential):
    document = broken(sample_credential, lambda c: achievement(c)["specifiedBy"]["mode"][0].pop("inScheme"))
    [violation] = validate_edc(document).violations
    assert violation.message == "The form of participation has no concept scheme (inScheme)."
    assert violation.focus_node == "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"


def test_concept_from_the_wrong_scheme(sample_credential):
    def wrong_scheme(c):
        achievement(c)["specifiedBy"]["learningSetting"]["inScheme"]["id"] = "http://example.org/settings"

    messages = validate_edc(broken(sample_credential, wrong_scheme)).messages
    assert messages == [
        "The concept scheme (inScheme) of the learning setting is not taken from the official EU vocabulary.",
        "The learning setting of the qualification is not taken from the official EU vocabulary.",
    ]


def test_missing_issuer_identifier_and_issue_date(sample_credential):
    def strip(c):
        c.pop("issued")
        c["issuer"].pop("eIDASIdentifier")
        for body in achievement(c)["awardedBy"]["awardingBody"]:
            body.pop("eIDASIdentifier", None)

    messages = validate_edc(broken(sample_credential, strip)).messages
    assert "The credential has no issue date." in messages
    assert "The issuer has no eIDAS legal identifier." in messages


def test_wrongly_formatted_workload(sample_credential):
    def hours_in_words(c):
        achievement(c)["specifiedBy"]["volumeOfLearning"] = "125 hours"

    [violation] = validate_edc(broken(sample_credential, hours_in_words)).violations
    assert violation.message == (
        "The notional workload of the qualification has a value in the wrong format (125 hours)."
    )


def test_embedded_proof_is_refused(sample_credential):
    proof = {"type": "Ed25519Signature2020", "created": "2025-07-01T08:30:00Z", "proofValue": "z3Fq"}
    document = broken(sample_credential, lambda c: c.__setitem__("proof", proof))
    messages = validate_edc(document).messages
    assert "The credential carries an embedded proof; Europass credentials are sealed with JAdES instead." in messages


def test_undefined_field_is_reported_instead_of_silently_dropped(sample_credential):
    document = broken(sample_credential, lambda c: achievement(c).__setitem__("grde", "A"))
    [violation] = validate_edc(document).violations
    assert violation.element == "grde" and "not part of the Europass format" in violation.message


def test_ensure_valid_edc_raises_with_the_violations(sample_credential):
    assert ensure_valid_edc(sample_credential) is sample_credential
    document = broken(sample_credential, lambda c: achievement(c)["provenBy"][0].pop("grade"))
    with pytest.raises(EdcValidationError) as raised:
        ensure_valid_edc(document)
    assert [v.message for v in raised.value.violations] == ["The assessment has no grade."]
    assert "The assessment has no grade." in str(raised.value)


@pytest.mark.parametrize(
    "url", ["https://www.w3.org/ns/credentials/v2", "https://contexts.example.org/evil.jsonld"]
)
def test_unknown_context_raises_without_touching_the_network(sample_credential, network_attempts, url):
    document = broken(sample_credential, lambda c: c["@context"].append(url))
    with network_attempts.watching() as attempts, pytest.raises(EdcContextError, match="not one of the pinned"):
        validate_edc(document)
    assert attempts == []


def test_a_whole_validation_stays_offline(sample_credential, network_attempts):
    with network_attempts.watching() as attempts:
        assert validate_edc(sample_credential).conforms
    assert attempts == []


def test_the_network_guard_does_see_connections(network_attempts):
    import socket

    with network_attempts.watching() as attempts:
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", 9), timeout=0.2)
    assert attempts and attempts[0][0] in {"socket.connect", "socket.getaddrinfo"}


def test_non_object_credential_is_refused():
    with pytest.raises(EdcContextError, match="JSON object"):
        validate_edc(["not", "a", "credential"])


def test_shapes_are_parsed_once_even_under_concurrency():
    results = []
    threads = [threading.Thread(target=lambda: results.append(edc_shapes())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and all(graph is results[0] for graph in results)
    assert len(edc_shapes()) > 4000  # both official files and our rule are in


def test_a_node_without_id_is_named_by_its_type(sample_credential):
    def anonymous_empty_grade(c):
        achievement(c)["provenBy"][0]["grade"] = {"type": "Note"}

    assert validate_edc(broken(sample_credential, anonymous_empty_grade)).messages == ["A note has no text."]


def test_official_unsigned_ec_sample_misses_what_the_issuer_adds_when_sealing():
    # The EC's unsigned micro-credential sample lacks the issue date and the issuer's eIDAS identifier
    # (the EDCI issuer adds both at sealing time); our report must say exactly that, in words.
    report = validate_edc(load_json("ec-sample-mc-annex1-unsigned.jsonld"))
    assert report.messages == ["The credential has no issue date.", "The issuer has no eIDAS legal identifier."]


def test_official_elm_sample_only_breaks_our_concept_scheme_rule():
    [violation] = validate_edc(load_json("elm-3.2-credential-sample.jsonld")).violations
    assert violation.message == "The educational system note has no concept scheme (inScheme)."
    assert violation.element == "Concept.inScheme"


def test_concurrent_validations_share_the_shapes_safely(sample_credential):
    broken_grade = broken(sample_credential, lambda c: achievement(c)["provenBy"][0].pop("grade"))
    documents = [sample_credential, broken_grade] * 3
    outcomes: dict[int, tuple[str, ...]] = {}

    def check(index: int) -> None:
        outcomes[index] = tuple(validate_edc(documents[index]).messages)

    threads = [threading.Thread(target=check, args=(i,)) for i in range(len(documents))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [outcomes[i] for i in range(len(documents))] == [(), ("The assessment has no grade.",)] * 3

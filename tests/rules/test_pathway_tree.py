"""Rule tree parsing: round trips, the dataclass model, and every RuleError with its JSON path and message."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from hypothesis import given, settings

from mc_lms_bridge.rules.pathway_tree import (
    MAX_DEPTH,
    MAX_NODES,
    AllOf,
    Credential,
    MinEcts,
    MinGrade,
    NOf,
    RuleError,
    parse_rule,
    rule_to_json,
)

from .strategies import PATHWAYS, rule_json

MC = "00000000-0000-0000-0000-000000001000"
CRED = {"credential": {"microcredential": MC}}


@settings(max_examples=300)
@given(rule_json(PATHWAYS))
def test_round_trip(data):
    rule = parse_rule(data)
    assert parse_rule(rule_to_json(rule)) == rule
    assert parse_rule(json.dumps(rule_to_json(rule))) == rule
    assert rule_to_json(parse_rule(rule_to_json(rule))) == rule_to_json(rule)


def test_model_is_typed_and_frozen():
    rule = parse_rule({"n_of": {"n": 1, "children": [
        {"min_ects": {"ects": "7.50", "of": [{"min_grade": {"grade": 1, "child": CRED}}]}}]}})
    assert rule == NOf(1, (MinEcts(Decimal("7.5"), (MinGrade(1.0, Credential(uuid.UUID(MC))),)),))
    with pytest.raises(AttributeError):
        rule.n = 2
    assert parse_rule({"min_ects": {"ects": 5, "of": "any"}}) == MinEcts(Decimal(5))
    assert rule_to_json(MinEcts(Decimal("2.5"))) == {"min_ects": {"ects": 2.5}}
    assert rule_to_json(parse_rule({"credential": {"microcredential": MC.replace("-", "").upper()}})) == CRED


def _nest(depth):
    node = CRED
    for _ in range(depth - 1):
        node = {"all_of": [node]}
    return node


def _ng(body):
    return {"min_grade": body}


def _match(**fields):
    return {"recognized": {"match": fields}}


ERRORS = [
    ("{not json", "$", "the rule is not valid JSON."),
    (_nest(MAX_DEPTH + 1), "$" + ".all_of[0]" * MAX_DEPTH, f"the rule is nested deeper than {MAX_DEPTH} levels."),
    ({"all_of": [CRED] * MAX_NODES}, f"$.all_of[{MAX_NODES - 1}]", f"the rule has more than {MAX_NODES} nodes."),
    ([CRED], "$", "a rule node must be an object with exactly one key naming its type."),
    ({"all_of": [CRED], "n_of": {}}, "$", "a rule node must be an object with exactly one key naming its type."),
    ({"any_of": []}, "$", "unknown node type 'any_of'; expected one of all_of, n_of, min_ects, min_grade, "
                          "credential, pathway, recognized."),
    ({"all_of": CRED}, "$.all_of", "all_of must be a list of rule nodes."),
    ({"all_of": []}, "$.all_of", "all_of must list at least one rule node."),
    ({"n_of": [1]}, "$.n_of", "the body of n_of must be an object."),
    ({"n_of": {"n": 1, "children": [CRED], "k": 1}}, "$.n_of.k", "unknown field 'k' in n_of; allowed: n, children."),
    ({"n_of": {"children": [CRED]}}, "$.n_of", "n_of requires the field 'n'."),
    ({"n_of": {"n": True, "children": [CRED]}}, "$.n_of.n", "n must be a whole number of at least 1."),
    ({"n_of": {"n": 0, "children": [CRED]}}, "$.n_of.n", "n must be a whole number of at least 1."),
    ({"n_of": {"n": 1, "children": []}}, "$.n_of.children", "children must list at least one rule node."),
    ({"n_of": {"n": 3, "children": [CRED, CRED]}}, "$.n_of.n", "n is 3 but there are only 2 children."),
    ({"min_ects": {"ects": "ten"}}, "$.min_ects.ects", "ects must be a number of ECTS credits."),
    ({"min_ects": {"ects": True}}, "$.min_ects.ects", "ects must be a number of ECTS credits."),
    ({"min_ects": {"ects": "NaN"}}, "$.min_ects.ects", "ects must be a number of ECTS credits."),
    ({"min_ects": {"ects": -5}}, "$.min_ects.ects", "ects must be a positive number of ECTS credits, got -5."),
    ({"min_ects": {"ects": 0}}, "$.min_ects.ects", "ects must be a positive number of ECTS credits, got 0."),
    ({"min_ects": {"ects": 1000.5}}, "$.min_ects.ects", "ects must not exceed 1000 ECTS credits."),
    ({"min_ects": {"ects": 2.125}}, "$.min_ects.ects", "ects must have at most 2 decimal places."),
    ({"min_ects": {"ects": 5, "of": CRED}}, "$.min_ects.of", 'of must be a list of selectors or "any".'),
    ({"min_ects": {"ects": 5, "of": []}}, "$.min_ects.of",
     "of must list at least one selector; omit it to count any component."),
    ({"min_ects": {"ects": 5, "of": [CRED, {"all_of": [CRED]}]}}, "$.min_ects.of[1]",
     "min_ects can only count credential, recognized and min_grade nodes, not all_of."),
    (_ng({"grade": "80%", "child": CRED}), "$.min_grade.grade", "grade must be a number."),
    (_ng({"grade": float("nan"), "child": CRED}), "$.min_grade.grade", "grade must be a number."),
    (_ng({"grade": 80, "child": CRED}), "$.min_grade.grade", "grade must be a fraction between 0 and 1, got 80."),
    (_ng({"grade": -0.1, "child": CRED}), "$.min_grade.grade", "grade must be a fraction between 0 and 1, got -0.1."),
    (_ng({"grade": 0.5, "child": {"all_of": [CRED]}}), "$.min_grade.child",
     "min_grade applies to a credential or recognized node, not all_of."),
    ({"credential": {"microcredential": MC, "min_version": 0}}, "$.credential.min_version",
     "min_version must be a whole number of at least 1."),
    ({"credential": {"microcredential": MC, "min_version": "2"}}, "$.credential.min_version",
     "min_version must be a whole number of at least 1."),
    ({"credential": {"microcredential": "not-a-uuid"}}, "$.credential.microcredential",
     "microcredential must be a UUID string, got 'not-a-uuid'."),
    ({"credential": {"microcredential": 1000}}, "$.credential.microcredential",
     "microcredential must be a UUID string, got 1000."),
    ({"pathway": {"pathway": "x"}}, "$.pathway.pathway", "pathway must be a UUID string, got 'x'."),
    ({"recognized": {}}, "$.recognized", "recognized requires the field 'match'."),
    (_match(issuer="uni-x"), "$.recognized.match", "match needs an achievement_id or an alignment URL."),
    (_match(achievement_id=""), "$.recognized.match.achievement_id",
     "achievement_id must be a non-empty string of at most 500 characters."),
    (_match(achievement_id="a", issuer=7), "$.recognized.match.issuer",
     "issuer must be a non-empty string of at most 500 characters."),
    (_match(alignment="x" * 501), "$.recognized.match.alignment",
     "alignment must be a non-empty string of at most 500 characters."),
    (_match(alignment="ftp://skills.example/s1"), "$.recognized.match.alignment",
     "alignment must be an absolute http(s) URL."),
    (_match(achievement_id="a", min_ects=-1), "$.recognized.match.min_ects",
     "min_ects must be a positive number of ECTS credits, got -1."),
    (_match(achievement_id="a", min_eqf=9), "$.recognized.match.min_eqf", "min_eqf must be an EQF level from 1 to 8."),
    (_match(achievement_id="a", level=9), "$.recognized.match.level",
     "unknown field 'level' in match; allowed: achievement_id, alignment, issuer, min_ects, min_eqf."),
]


@pytest.mark.parametrize(("data", "path", "message"), ERRORS)
def test_rule_errors(data, path, message):
    with pytest.raises(RuleError) as caught:
        parse_rule(data)
    assert (caught.value.path, caught.value.message) == (path, message)
    assert str(caught.value) == f"{path}: {message}"


def test_limits_are_inclusive():
    assert isinstance(parse_rule(_nest(MAX_DEPTH)), AllOf)
    assert len(parse_rule({"all_of": [CRED] * (MAX_NODES - 1)}).children) == MAX_NODES - 1

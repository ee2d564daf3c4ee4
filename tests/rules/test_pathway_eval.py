"""Pathway evaluation: properties against a brute-force reference evaluator, plus wording, versions and grades."""

from __future__ import annotations

import itertools
import uuid
from decimal import Decimal

import pytest
from hypothesis import given, settings

from mc_lms_bridge.rules.pathway_eval import (
    Award,
    ComponentInfo,
    LearnerHoldings,
    RecognizedItem,
    evaluate,
    evaluate_many,
)
from mc_lms_bridge.rules.pathway_graph import PathwayCycleError
from mc_lms_bridge.rules.pathway_tree import parse_rule

from .strategies import MCS, PATHWAYS, WHEN, holdings, pathway_maps, rule_json

A, B, C, D = MCS


# --- reference: plain recursive semantics over the JSON form, no memo, subsets enumerated for n_of ---------------

def _highest(awards):
    best = {}
    for award in awards:
        if award.microcredential not in best or award.version > best[award.microcredential].version:
            best[award.microcredential] = award
    return set(best.values())


def _ref_ects(awards, items):
    return sum((a.ects or Decimal(0) for a in _highest(awards)), Decimal(0)) + sum(
        (i.ects or Decimal(0) for i in items), Decimal(0))


def _ref_match(match, item):
    checks = [
        "achievement_id" not in match or item.achievement_id == match["achievement_id"],
        "alignment" not in match or match["alignment"] in item.alignments,
        "issuer" not in match or item.issuer == match["issuer"],
        "min_ects" not in match or (item.ects is not None and item.ects >= Decimal(str(match["min_ects"]))),
        "min_eqf" not in match or (item.eqf is not None and item.eqf >= match["min_eqf"]),
    ]
    return all(checks)


def _ref_select(node, h):
    """(awards, recognized items) a selector node matches, before picking the highest version."""
    kind, body = next(iter(node.items()))
    if kind == "credential":
        mc = uuid.UUID(body["microcredential"])
        return {a for a in h.awards if a.microcredential == mc and a.version >= body.get("min_version", 1)}, set()
    if kind == "recognized":
        return set(), {i for i in h.recognized if _ref_match(body["match"], i)}
    awards, items = _ref_select(body["child"], h)
    passes = [x for x in (*awards, *items) if x.grade is not None and x.grade >= body["grade"]]
    return {x for x in passes if isinstance(x, Award)}, {x for x in passes if isinstance(x, RecognizedItem)}


def ref_eval(node, h, pathways):
    """(satisfied, used awards, used recognized items, used pathways)."""
    kind, body = next(iter(node.items()))
    if kind in ("credential", "recognized", "min_grade"):
        awards, items = _ref_select(node, h)
        return bool(awards or items), _highest(awards), items, set()
    if kind in ("all_of", "n_of"):
        children = body if kind == "all_of" else body["children"]
        n = len(children) if kind == "all_of" else body["n"]
        results = [ref_eval(child, h, pathways) for child in children]
        sat = any(all(results[i][0] for i in combo) for combo in itertools.combinations(range(len(results)), n))
        return (sat, *(set().union(*(r[k] for r in results)) for k in (1, 2, 3)))
    if kind == "min_ects":
        if "of" not in body:
            awards, items = _highest(h.awards), set(h.recognized)
        else:
            picked = [_ref_select(sel, h) for sel in body["of"]]
            awards = set().union(*(_highest(p[0]) for p in picked))
            items = set().union(*(p[1] for p in picked))
        return _ref_ects(awards, items) >= Decimal(str(body["ects"])), awards, items, set()
    pid = uuid.UUID(body["pathway"])
    earned = {pid} if pid in h.pathways else set()
    if pid not in pathways:
        return bool(earned), set(), set(), earned
    sat, awards, items, used = ref_eval(pathways[pid], h, pathways)
    return sat or bool(earned), awards, items, used | earned


def _count_nodes(node):
    kind, body = next(iter(node.items()))
    children = {"all_of": lambda: body, "n_of": lambda: body["children"], "min_ects": lambda: body.get("of", []),
                "min_grade": lambda: [body["child"]]}.get(kind, lambda: [])()
    return 1 + sum(_count_nodes(child) for child in children)


@settings(max_examples=400, deadline=None)
@given(rule=rule_json(PATHWAYS), pathways_json=pathway_maps(), h=holdings())
def test_matches_reference_evaluator(rule, pathways_json, h):
    pathways = {pid: parse_rule(body) for pid, body in pathways_json.items()}
    progress = evaluate(parse_rule(rule), h, pathways=pathways)
    sat, awards, items, used_pathways = ref_eval(rule, h, pathways_json)
    assert progress.satisfied == sat
    assert progress.ects == _ref_ects(awards, items)
    assert set(progress.used_awards) == awards
    assert set(progress.used_recognized) == items
    assert set(progress.used_pathways) == used_pathways
    assert len(progress.nodes) == _count_nodes(rule)
    assert progress.nodes[0].done == sat
    assert bool(progress.missing) != sat
    if sat:
        assert progress.next_steps == ()


# --- examples ------------------------------------------------------------------------------------------------

def award(mc, version=1, ects=5, grade=None):
    return Award(mc, version, ects, grade, WHEN)


def cred(mc, min_version=None):
    body = {"microcredential": str(mc)}
    if min_version is not None:
        body["min_version"] = min_version
    return {"credential": body}


CATALOG = {A: ComponentInfo("Alpha", Decimal(6)), B: ComponentInfo("Beta", Decimal(3)),
           C: ComponentInfo("Gamma", Decimal(4)), D: ComponentInfo("Delta")}


def run(rule, *awards, pathways=None, earned=(), recognized=()):
    h = LearnerHoldings(awards=awards, pathways=frozenset(earned), recognized=tuple(recognized))
    return evaluate(parse_rule(rule), h, pathways=pathways or {}, catalog=CATALOG)


@pytest.mark.parametrize(("held", "expected"), [((), False), ((1,), False), ((2,), True), ((3,), True),
                                                ((1, 3), True)])
def test_min_version(held, expected):
    progress = run(cred(A, 2), *(award(A, v) for v in held))
    assert progress.satisfied is expected
    if held == (1,):
        assert progress.missing == ("Alpha, version 2 or later (you hold version 1)",)


def test_any_version_uses_the_highest_version_as_evidence():
    progress = run(cred(A), award(A, 1, ects=5), award(A, 2, ects=6))
    assert progress.satisfied
    assert [(a.microcredential, a.version) for a in progress.used_awards] == [(A, 2)]
    assert progress.ects == 6


@pytest.mark.parametrize(("grade", "expected", "note"), [
    (None, False, "Alpha with a grade of at least 80% (no grade recorded)"),
    (0.79, False, "Alpha with a grade of at least 80% (your best grade: 79%)"),
    (0.8, True, None), (1.0, True, None)])
def test_min_grade(grade, expected, note):
    progress = run({"min_grade": {"grade": 0.8, "child": cred(A)}}, award(A, grade=grade))
    assert progress.satisfied is expected
    assert progress.missing == (() if note is None else (note,))


def test_min_grade_accepts_any_version_that_passes():
    progress = run({"min_grade": {"grade": 0.8, "child": cred(A)}}, award(A, 1, grade=0.9), award(A, 2, grade=0.5))
    assert progress.satisfied
    assert [a.version for a in progress.used_awards] == [1]


def test_min_ects_counts_each_microcredential_once():
    rule = {"min_ects": {"ects": 10, "of": [cred(A), cred(B)]}}
    short = run(rule, award(A, 1, ects=5), award(A, 2, ects=5))
    assert not short.satisfied
    assert short.missing == ("5 more ECTS from: Alpha, Beta",)
    assert [s.label for s in short.next_steps] == ["Beta"]
    assert run(rule, award(A, 2, ects=5), award(B, ects=5)).satisfied


def test_ects_total_counts_a_microcredential_once_across_leaves():
    rule = {"all_of": [cred(A), {"min_grade": {"grade": 0.8, "child": cred(A)}}]}
    progress = run(rule, award(A, 1, ects=5, grade=0.9), award(A, 2, ects=6, grade=0.5))
    assert progress.satisfied
    assert [a.version for a in progress.used_awards] == [1, 2]  # v2 as the credential, v1 for the grade
    assert progress.ects == 6


def test_min_ects_any_counts_every_component_and_recognized_item():
    item = RecognizedItem("r1", "ach-1", "uni-x", ects=Decimal("2.5"))
    progress = run({"min_ects": {"ects": 10}}, award(A, ects=5), award(B, ects=2), recognized=[item])
    assert not progress.satisfied
    assert progress.ects == Decimal("9.5")
    assert progress.missing == ("0.5 more ECTS",)


def test_n_of_wording_and_cheapest_next_steps_first():
    rule = {"all_of": [cred(D), {"n_of": {"n": 2, "children": [cred(A), cred(B), cred(C)]}}]}
    progress = run(rule)
    assert progress.missing == ("Delta", "2 more of: Alpha, Beta, Gamma")
    assert [s.label for s in progress.next_steps] == ["Beta", "Gamma", "Alpha", "Delta"]
    assert [s.ects for s in progress.next_steps] == [3, 4, 6, None]
    progress = run(rule, award(D), award(B))
    assert progress.missing == ("1 more of: Alpha, Gamma",)


def test_recognized_matching_by_alignment_issuer_and_levels():
    match = {"alignment": "https://skills.example/s1", "issuer": "uni-x", "min_ects": 3, "min_eqf": 5}
    rule = {"recognized": {"match": match}}
    good = RecognizedItem("r1", "other", "uni-x", ects=3, eqf=6, alignments=frozenset({"https://skills.example/s1"}))
    assert run(rule, recognized=[good]).satisfied
    for bad in (RecognizedItem("r2", "other", "uni-y", 3, 6, frozenset({"https://skills.example/s1"})),
                RecognizedItem("r3", "other", "uni-x", 2, 6, frozenset({"https://skills.example/s1"})),
                RecognizedItem("r4", "other", "uni-x", 3, None, frozenset({"https://skills.example/s1"})),
                RecognizedItem("r5", "other", "uni-x", 3, 6, frozenset())):
        progress = run(rule, recognized=[bad])
        assert not progress.satisfied
        assert progress.missing == ("recognized credential aligned to https://skills.example/s1 from uni-x worth at "
                                    "least 3 ECTS at EQF level 5 or higher",)


def test_nested_pathway_progress_and_evidence():
    inner, outer = PATHWAYS[0], PATHWAYS[1]
    pathways = {inner: parse_rule({"all_of": [cred(A), cred(B)]})}
    rule = {"all_of": [{"pathway": {"pathway": str(inner)}}, cred(C)]}
    progress = run(rule, award(A), award(C), pathways=pathways)
    assert not progress.satisfied
    assert progress.missing == (f"pathway {inner} (Beta)",)
    assert progress.nodes[1].pathway is not None and progress.nodes[1].pathway.missing == ("Beta",)
    done = run(rule, award(A), award(B), award(C), pathways=pathways)
    assert done.satisfied and {a.microcredential for a in done.used_awards} == {A, B, C}
    earned = run(rule, award(C), pathways=pathways, earned=[inner])
    assert earned.satisfied and earned.used_pathways == (inner,)
    assert outer not in earned.used_pathways


def test_undefined_pathway_is_missing_unless_earned():
    ghost = uuid.UUID(int=99)
    assert run({"pathway": {"pathway": str(ghost)}}).missing == (f"pathway {ghost} (this pathway is not defined)",)
    assert run({"pathway": {"pathway": str(ghost)}}, earned=[ghost]).satisfied


def test_shared_nested_pathways_are_memoized():
    ids = [uuid.UUID(int=0x5000 + i) for i in range(60)]
    pathways = {pid: parse_rule({"all_of": [{"pathway": {"pathway": str(nxt)}}] * 3})
                for pid, nxt in itertools.pairwise(ids)}
    pathways[ids[-1]] = parse_rule(cred(A))
    h = LearnerHoldings(awards=(award(A),))
    results = evaluate_many(ids[:2], h, pathways=pathways)  # 3**59 evaluations without the memo
    assert all(p.satisfied for p in results.values())
    assert results[ids[1]] is results[ids[0]].nodes[1].pathway


def test_cycle_reached_during_evaluation_raises():
    p, q = PATHWAYS[0], PATHWAYS[1]
    pathways = {p: parse_rule({"pathway": {"pathway": str(q)}}), q: parse_rule({"pathway": {"pathway": str(p)}})}
    with pytest.raises(PathwayCycleError) as caught:
        evaluate(pathways[p], LearnerHoldings(), pathways=pathways)
    assert caught.value.cycle in ([q, p, q], [p, q, p])

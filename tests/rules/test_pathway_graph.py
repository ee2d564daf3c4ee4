"""Pathway graph: cycle detection and the component index against brute-force references on random graphs."""

from __future__ import annotations

import itertools
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mc_lms_bridge.rules.pathway_graph import (
    ANY_MICROCREDENTIAL,
    ANY_RECOGNITION,
    PathwayCycleError,
    affected_by_recognition,
    affected_pathways,
    check_acyclic,
    component_index,
    find_cycle,
)
from mc_lms_bridge.rules.pathway_tree import parse_rule

NODES = [uuid.UUID(int=0x3000 + i) for i in range(7)]
MCS = [uuid.UUID(int=0x4000 + i) for i in range(4)]


def ref(pid):
    return {"pathway": {"pathway": str(pid)}}


def cred(mc):
    return {"credential": {"microcredential": str(mc)}}


@st.composite
def graphs(draw):
    """Random pathway graphs: node -> (pathways it names, micro-credentials it names)."""
    nodes = NODES[:draw(st.integers(1, len(NODES)))]
    return {node: (draw(st.lists(st.sampled_from(nodes), max_size=3)), draw(st.lists(st.sampled_from(MCS), max_size=2)))
            for node in nodes}


def to_rules(graph):
    rules = {}
    for node, (refs, mcs) in graph.items():
        children = [ref(p) for p in refs] + [cred(m) for m in mcs]
        rules[node] = parse_rule({"n_of": {"n": 1, "children": children}} if children else cred(MCS[0]))
    return rules


def ref_has_cycle(graph):
    state = {}

    def visit(node):
        state[node] = "open"
        for nxt in graph[node][0]:
            if state.get(nxt) == "open" or (nxt not in state and visit(nxt)):
                return True
        state[node] = "done"
        return False

    return any(node not in state and visit(node) for node in graph)


@settings(max_examples=500)
@given(graphs())
def test_find_cycle_matches_reference_dfs(graph):
    cycle = find_cycle(to_rules(graph))
    assert (cycle is not None) == ref_has_cycle(graph)
    if cycle is not None:
        assert cycle[0] == cycle[-1] and len(cycle) >= 2
        assert len(set(cycle[:-1])) == len(cycle) - 1
        assert all(b in graph[a][0] for a, b in itertools.pairwise(cycle))
        with pytest.raises(PathwayCycleError) as caught:
            check_acyclic(to_rules(graph))
        assert caught.value.cycle == cycle
    else:
        check_acyclic(to_rules(graph))


def test_cycle_message_names_the_cycle():
    a, b, c = NODES[:3]
    rules = to_rules({a: ([b], []), b: ([c], []), c: ([a], [])})
    with pytest.raises(PathwayCycleError, match=r"^pathways contain each other in a cycle: A -> B -> C -> A\.$"):
        check_acyclic(rules, names={a: "A", b: "B", c: "C"})
    assert find_cycle(to_rules({a: ([a], [])})) == [a, a]
    assert find_cycle(to_rules({a: ([uuid.UUID(int=1)], [])})) is None  # unknown pathways are not edges


@settings(max_examples=300)
@given(graphs())
def test_component_index_matches_brute_force_containment(graph):
    def contains(node, target, seen=()):
        refs, mcs = graph[node]
        if target in refs or target in mcs or (not refs and not mcs and target == MCS[0]):
            return True
        return any(contains(r, target, (*seen, node)) for r in refs if r not in seen and r != node)

    index = component_index(to_rules(graph))
    for target in [*MCS, *graph]:
        expected = {node for node in graph if contains(node, target)}
        assert index.get(target, set()) == expected
        assert affected_pathways(target, index) == expected
    assert ANY_MICROCREDENTIAL not in index and affected_by_recognition(index) == set()


def test_sentinels_for_any_component_and_recognition():
    p, q, r = NODES[:3]
    rules = {p: parse_rule({"min_ects": {"ects": 30}}), q: parse_rule(ref(p)),
             r: parse_rule({"recognized": {"match": {"achievement_id": "ach-1"}}})}
    index = component_index(rules)
    assert index[ANY_MICROCREDENTIAL] == {p, q}
    assert affected_pathways(MCS[3], index) == {p, q}
    assert index[ANY_RECOGNITION] == affected_by_recognition(index) == {p, q, r}

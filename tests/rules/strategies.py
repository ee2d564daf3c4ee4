"""Hypothesis strategies for pathway rule trees (as JSON) and learner holdings over small fixed id pools."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import strategies as st

from mc_lms_bridge.rules.pathway_eval import Award, LearnerHoldings, RecognizedItem

MCS = [uuid.UUID(int=0x1000 + i) for i in range(4)]
PATHWAYS = [uuid.UUID(int=0x2000 + i) for i in range(3)]
UNDEFINED_PATHWAY = uuid.UUID(int=0x2FFF)
ACHIEVEMENTS = ["ach-1", "ach-2"]
ALIGNMENTS = ["https://skills.example/s1", "https://skills.example/s2"]
ISSUERS = ["uni-x", "uni-y"]
GRADES = [0.0, 0.5, 0.6, 0.8, 1.0]
WHEN = datetime(2025, 1, 1, tzinfo=UTC)


def _optional(strategy):
    return st.one_of(st.none(), strategy)


def _without_none(**fields):
    return {key: value for key, value in fields.items() if value is not None}


credential_json = st.builds(
    lambda mc, v: {"credential": _without_none(microcredential=str(mc), min_version=v)},
    st.sampled_from(MCS), _optional(st.integers(1, 3)))

recognized_json = st.builds(
    lambda a, al, i, e, q: {"recognized": {"match": _without_none(
        achievement_id=a, alignment=al, issuer=i, min_ects=e, min_eqf=q)}},
    _optional(st.sampled_from(ACHIEVEMENTS)), _optional(st.sampled_from(ALIGNMENTS)),
    _optional(st.sampled_from(ISSUERS)), _optional(st.sampled_from([1, 2.5, 5])), _optional(st.integers(4, 7)),
).filter(lambda node: {"achievement_id", "alignment"} & node["recognized"]["match"].keys())

min_grade_json = st.builds(lambda g, child: {"min_grade": {"grade": g, "child": child}},
                           st.sampled_from(GRADES), st.one_of(credential_json, recognized_json))

selector_json = st.one_of(credential_json, recognized_json, min_grade_json)

min_ects_json = st.builds(
    lambda e, of: {"min_ects": _without_none(ects=e, of=of)},
    st.sampled_from([1, 2.5, 5, 7.5, 10, 15]), _optional(st.lists(selector_json, min_size=1, max_size=3)))


def rule_json(pathway_refs=(), depth=3):
    """Random rule trees of bounded depth that may name the given pathways."""
    leaves = [selector_json, min_ects_json]
    if pathway_refs:
        leaves.append(st.sampled_from(list(pathway_refs)).map(lambda p: {"pathway": {"pathway": str(p)}}))
    leaf = st.one_of(*leaves)
    if depth == 0:
        return leaf
    children = st.lists(rule_json(pathway_refs, depth - 1), min_size=1, max_size=3)
    all_of = children.map(lambda cs: {"all_of": cs})
    n_of = children.flatmap(lambda cs: st.integers(1, len(cs)).map(lambda n: {"n_of": {"n": n, "children": cs}}))
    return st.one_of(leaf, all_of, n_of)


@st.composite
def pathway_maps(draw):
    """Pathway id -> rule JSON without cycles: pathway i may only name later pathways or an undefined one."""
    return {pid: draw(rule_json([*PATHWAYS[i + 1:], UNDEFINED_PATHWAY], depth=2)) for i, pid in enumerate(PATHWAYS)}


@st.composite
def holdings(draw):
    """Random live awards (unique per micro-credential version), earned pathways and recognized items."""
    ects = st.sampled_from([None, 0, 2, Decimal("2.5"), 5])
    grade = st.sampled_from([None, *GRADES, 0.7])
    awards = tuple(
        Award(mc, version, draw(ects), draw(grade), WHEN)
        for mc in MCS for version in sorted(draw(st.sets(st.integers(1, 3), max_size=3))))
    items = tuple(
        RecognizedItem(f"r{n}", draw(st.sampled_from(ACHIEVEMENTS)), draw(st.sampled_from(ISSUERS)), draw(ects),
                       draw(_optional(st.integers(3, 8))), draw(st.frozensets(st.sampled_from(ALIGNMENTS))),
                       draw(grade))
        for n in range(draw(st.integers(0, 3))))
    earned = draw(st.frozensets(st.sampled_from([*PATHWAYS, UNDEFINED_PATHWAY])))
    return LearnerHoldings(awards=awards, pathways=earned, recognized=items)

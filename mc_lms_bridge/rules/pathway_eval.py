"""Pathway progress: evaluate a rule tree against a learner's holdings, with plain-words guidance on what is missing."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from .pathway_graph import PathwayCycleError
from .pathway_tree import (
    AllOf,
    Credential,
    MinEcts,
    MinGrade,
    NOf,
    PathwayRef,
    RecognitionMatch,
    Recognized,
    Rule,
    node_type,
)

ZERO = Decimal(0)


def _decimal(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class Award:
    """A live (non-revoked) award of one version of a micro-credential; the caller filters out revoked awards."""

    microcredential: uuid.UUID
    version: int
    ects: Decimal | None
    grade: float | None
    awarded_at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "ects", _decimal(self.ects))


@dataclass(frozen=True)
class RecognizedItem:
    """A credential from another institution accepted through recognition."""

    id: str
    achievement_id: str
    issuer: str
    ects: Decimal | None = None
    eqf: int | None = None
    alignments: frozenset[str] = frozenset()
    grade: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "ects", _decimal(self.ects))
        object.__setattr__(self, "alignments", frozenset(self.alignments))


@dataclass(frozen=True)
class LearnerHoldings:
    """Everything a learner holds that a pathway can count."""

    awards: tuple[Award, ...] = ()
    pathways: frozenset[uuid.UUID] = frozenset()
    recognized: tuple[RecognizedItem, ...] = ()


@dataclass(frozen=True)
class ComponentInfo:
    """Catalogue facts used for wording and guidance: a title and the ECTS a component is worth."""

    title: str
    ects: Decimal | None = None


@dataclass(frozen=True)
class NextStep:
    """A component that would move the learner forward; ``kind`` is ``microcredential`` or ``recognition``."""

    kind: str
    target: str
    label: str
    ects: Decimal | None


@dataclass(frozen=True)
class NodeResult:
    """Outcome of one node (pre-order); ``missing`` is None when done; ``pathway`` is the nested progress."""

    path: str
    kind: str
    done: bool
    missing: str | None
    ects: Decimal
    pathway: Progress | None = None


@dataclass(frozen=True)
class Progress:
    """A learner's progress on a rule: verdict, plain-words gaps, cheapest next steps and the holdings counted."""

    satisfied: bool
    ects: Decimal
    missing: tuple[str, ...]
    next_steps: tuple[NextStep, ...]
    nodes: tuple[NodeResult, ...]
    used_awards: tuple[Award, ...]
    used_recognized: tuple[RecognizedItem, ...]
    used_pathways: tuple[uuid.UUID, ...]


@dataclass
class _Outcome:
    done: bool
    missing: list[str] = field(default_factory=list)
    steps: list[NextStep] = field(default_factory=list)
    awards: set[Award] = field(default_factory=set)
    recognized: set[RecognizedItem] = field(default_factory=set)
    pathways: set[uuid.UUID] = field(default_factory=set)
    sub: Progress | None = None

    def absorb(self, other: _Outcome) -> None:
        self.awards |= other.awards
        self.recognized |= other.recognized
        self.pathways |= other.pathways


def count_ects(awards: Iterable[Award], recognized: Iterable[RecognizedItem]) -> Decimal:
    """Total ECTS: each micro-credential once (its highest version counted), each recognized item once."""
    total = sum((award.ects or ZERO for award in _latest(awards)), ZERO)
    return total + sum((item.ects or ZERO for item in set(recognized)), ZERO)


def recognition_matches(match: RecognitionMatch, item: RecognizedItem) -> bool:
    """Whether a recognized item satisfies a ``recognized`` node's match."""
    return ((match.achievement_id is None or item.achievement_id == match.achievement_id)
            and (match.alignment is None or match.alignment in item.alignments)
            and (match.issuer is None or item.issuer == match.issuer)
            and (match.min_ects is None or (item.ects is not None and item.ects >= match.min_ects))
            and (match.min_eqf is None or (item.eqf is not None and item.eqf >= match.min_eqf)))


def evaluate(rule: Rule, holdings: LearnerHoldings, *, pathways: Mapping[uuid.UUID, Rule],
             catalog: Mapping[uuid.UUID, ComponentInfo] | None = None) -> Progress:
    """Evaluate ``rule`` for a learner; nested pathways are looked up in ``pathways`` and memoized."""
    return _Evaluator(holdings, pathways, catalog or {}).run(rule)


def evaluate_many(pathway_ids: Iterable[uuid.UUID], holdings: LearnerHoldings, *,
                  pathways: Mapping[uuid.UUID, Rule],
                  catalog: Mapping[uuid.UUID, ComponentInfo] | None = None) -> dict[uuid.UUID, Progress]:
    """Evaluate several pathways for one learner, sharing one memo (e.g. the ``affected_pathways`` set)."""
    evaluator = _Evaluator(holdings, pathways, catalog or {})
    return {pid: evaluator.pathway(pid) for pid in pathway_ids}


def _percent(grade: float) -> str:
    return f"{grade * 100:g}%"


def _credits(value: Decimal) -> str:
    return format(value.normalize(), "f")


_PENDING = NodeResult("", "", False, None, ZERO)


class _Evaluator:
    """One learner's evaluation: award lookup by micro-credential plus the pathway memo and recursion stack."""

    def __init__(self, holdings: LearnerHoldings, pathways: Mapping[uuid.UUID, Rule],
                 catalog: Mapping[uuid.UUID, ComponentInfo]) -> None:
        self.holdings = holdings
        self.pathways = pathways
        self.catalog = catalog
        self.memo: dict[uuid.UUID, Progress] = {}
        self.stack: list[uuid.UUID] = []
        self.by_mc: dict[uuid.UUID, list[Award]] = {}
        for award in holdings.awards:
            self.by_mc.setdefault(award.microcredential, []).append(award)

    def pathway(self, pid: uuid.UUID) -> Progress:
        if pid in self.memo:
            return self.memo[pid]
        if pid in self.stack:
            raise PathwayCycleError(self.stack[self.stack.index(pid):] + [pid])
        self.stack.append(pid)
        try:
            progress = self.run(self.pathways[pid])
        finally:
            self.stack.pop()
        self.memo[pid] = progress
        return progress

    def run(self, rule: Rule) -> Progress:
        nodes: list[NodeResult] = []
        outcome = self.node(rule, "$", nodes)
        steps = {(step.kind, step.target): step for step in outcome.steps}
        return Progress(
            satisfied=outcome.done,
            ects=count_ects(outcome.awards, outcome.recognized),
            missing=() if outcome.done else tuple(outcome.missing),
            next_steps=() if outcome.done else tuple(sorted(steps.values(), key=_step_key)),
            nodes=tuple(nodes),
            used_awards=tuple(sorted(outcome.awards, key=lambda a: (str(a.microcredential), a.version))),
            used_recognized=tuple(sorted(outcome.recognized, key=lambda item: item.id)),
            used_pathways=tuple(sorted(outcome.pathways, key=str)),
        )

    def node(self, rule: Rule, path: str, nodes: list[NodeResult]) -> _Outcome:
        slot = len(nodes)
        nodes.append(_PENDING)  # reserve the slot so results stay in pre-order
        if isinstance(rule, AllOf | NOf):
            outcome = self.group(rule, path, nodes)
        elif isinstance(rule, MinEcts):
            outcome = self.min_ects(rule, path, nodes)
        elif isinstance(rule, PathwayRef):
            outcome = self.pathway_ref(rule)
        else:
            outcome = self.selector(rule, path, nodes)
        nodes[slot] = NodeResult(path, node_type(rule), outcome.done,
                                 None if outcome.done else "; ".join(outcome.missing),
                                 count_ects(outcome.awards, outcome.recognized), outcome.sub)
        return outcome

    def group(self, rule: AllOf | NOf, path: str, nodes: list[NodeResult]) -> _Outcome:
        prefix = f"{path}.all_of" if isinstance(rule, AllOf) else f"{path}.n_of.children"
        results = [self.node(child, f"{prefix}[{i}]", nodes) for i, child in enumerate(rule.children)]
        needed = len(results) if isinstance(rule, AllOf) else rule.n
        held = sum(result.done for result in results)
        outcome = _Outcome(done=held >= needed)
        for result in results:
            outcome.absorb(result)
            if not result.done:
                outcome.steps += result.steps
                if isinstance(rule, AllOf):
                    outcome.missing += result.missing
        if not outcome.done and isinstance(rule, NOf):
            options = [self.describe(child) for child, result in zip(rule.children, results, strict=True)
                       if not result.done]
            outcome.missing.append(f"{needed - held} more of: {', '.join(options)}")
        return outcome

    def min_ects(self, rule: MinEcts, path: str, nodes: list[NodeResult]) -> _Outcome:
        if rule.of is None:
            found = _Outcome(done=False, awards=_latest(self.holdings.awards),
                             recognized=set(self.holdings.recognized))
            missing_steps: list[NextStep] = []
        else:
            found = _Outcome(done=False)
            missing_steps = []
            for index, selector in enumerate(rule.of):
                result = self.node(selector, f"{path}.min_ects.of[{index}]", nodes)
                found.absorb(result)
                if not result.done:
                    missing_steps += result.steps
        total = count_ects(found.awards, found.recognized)
        found.done = total >= rule.ects
        if not found.done:
            found.steps = missing_steps
            scope = "" if rule.of is None else " from: " + ", ".join(self.describe(child) for child in rule.of)
            found.missing = [f"{_credits(rule.ects - total)} more ECTS{scope}"]
        return found

    def pathway_ref(self, rule: PathwayRef) -> _Outcome:
        earned = rule.pathway in self.holdings.pathways
        label = self.describe(rule)
        if rule.pathway not in self.pathways:
            outcome = _Outcome(done=earned)
            outcome.missing = [] if earned else [f"{label} (this pathway is not defined)"]
        else:
            sub = self.pathway(rule.pathway)
            outcome = _Outcome(done=earned or sub.satisfied, awards=set(sub.used_awards),
                               recognized=set(sub.used_recognized), pathways=set(sub.used_pathways), sub=sub)
            if not outcome.done:
                outcome.missing = [f"{label} ({'; '.join(sub.missing)})"]
                outcome.steps = list(sub.next_steps)
        if earned:
            outcome.pathways.add(rule.pathway)
        return outcome

    def selector(self, rule: Credential | Recognized | MinGrade, path: str, nodes: list[NodeResult]) -> _Outcome:
        child = rule.child if isinstance(rule, MinGrade) else rule
        awards, items = self.matches(child)
        if isinstance(rule, MinGrade):
            # The child is a node of its own in the results, then the grade narrows its matches.
            self.node_result_only(child, f"{path}.min_grade.child", nodes, awards, items)
            awards = [a for a in awards if a.grade is not None and a.grade >= rule.grade]
            items = [i for i in items if i.grade is not None and i.grade >= rule.grade]
        outcome = _Outcome(done=bool(awards or items), awards=_latest(awards), recognized=set(items))
        if not outcome.done:
            outcome.missing = [self.describe(rule) + self.held_note(rule)]
            outcome.steps = [self.step(child, self.describe(rule))]
        return outcome

    def node_result_only(self, rule: Credential | Recognized, path: str, nodes: list[NodeResult],
                         awards: list[Award], items: list[RecognizedItem]) -> None:
        done = bool(awards or items)
        nodes.append(NodeResult(path, node_type(rule), done, None if done else self.describe(rule),
                                count_ects(_latest(awards), items)))

    def matches(self, rule: Credential | Recognized) -> tuple[list[Award], list[RecognizedItem]]:
        if isinstance(rule, Credential):
            floor = rule.min_version or 1
            return [a for a in self.by_mc.get(rule.microcredential, ()) if a.version >= floor], []
        return [], [item for item in self.holdings.recognized if recognition_matches(rule.match, item)]

    def held_note(self, rule: Credential | Recognized | MinGrade) -> str:
        if isinstance(rule, Credential):
            versions = [a.version for a in self.by_mc.get(rule.microcredential, ())]
            return f" (you hold version {max(versions)})" if versions else ""
        if isinstance(rule, MinGrade):
            awards, items = self.matches(rule.child)
            grades = [h.grade for h in (*awards, *items) if h.grade is not None]
            if grades:
                return f" (your best grade: {_percent(max(grades))})"
            return " (no grade recorded)" if awards or items else ""
        return ""

    def step(self, rule: Credential | Recognized, label: str) -> NextStep:
        if isinstance(rule, Credential):
            info = self.catalog.get(rule.microcredential)
            return NextStep("microcredential", str(rule.microcredential), label,
                            None if info is None else _decimal(info.ects))
        target = rule.match.achievement_id or rule.match.alignment or ""
        return NextStep("recognition", target, label, rule.match.min_ects)

    def describe(self, rule: Rule) -> str:
        if isinstance(rule, Credential):
            info = self.catalog.get(rule.microcredential)
            label = info.title if info else f"micro-credential {rule.microcredential}"
            return label + (f", version {rule.min_version} or later" if (rule.min_version or 1) > 1 else "")
        if isinstance(rule, PathwayRef):
            info = self.catalog.get(rule.pathway)
            return info.title if info else f"pathway {rule.pathway}"
        if isinstance(rule, Recognized):
            return _describe_match(rule.match)
        if isinstance(rule, MinGrade):
            return f"{self.describe(rule.child)} with a grade of at least {_percent(rule.grade)}"
        if isinstance(rule, AllOf):
            return "all of: " + ", ".join(self.describe(child) for child in rule.children)
        if isinstance(rule, NOf):
            return f"{rule.n} of: " + ", ".join(self.describe(child) for child in rule.children)
        scope = "" if rule.of is None else " from: " + ", ".join(self.describe(child) for child in rule.of)
        return f"{_credits(rule.ects)} ECTS{scope}"


def _describe_match(match: RecognitionMatch) -> str:
    if match.achievement_id is not None:
        label = f"recognized achievement {match.achievement_id}"
        if match.alignment is not None:
            label += f" aligned to {match.alignment}"
    else:
        label = f"recognized credential aligned to {match.alignment}"
    if match.issuer is not None:
        label += f" from {match.issuer}"
    if match.min_ects is not None:
        label += f" worth at least {_credits(match.min_ects)} ECTS"
    if match.min_eqf is not None:
        label += f" at EQF level {match.min_eqf} or higher"
    return label


def _latest(awards: Iterable[Award]) -> set[Award]:
    latest: dict[uuid.UUID, Award] = {}
    for award in awards:
        if award.microcredential not in latest or award.version > latest[award.microcredential].version:
            latest[award.microcredential] = award
    return set(latest.values())


def _step_key(step: NextStep) -> tuple[bool, Decimal, str, str]:
    return (step.ects is None, step.ects or ZERO, step.label, step.target)

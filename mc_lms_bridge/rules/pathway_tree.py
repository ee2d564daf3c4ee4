"""Pathway requirement trees: a frozen dataclass model with strict JSON parsing and serialisation."""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

MAX_DEPTH = 12
MAX_NODES = 500
MAX_ECTS = Decimal(1000)
ECTS_PLACES = 2
MAX_TEXT = 500
EQF_LEVELS = range(1, 9)
NODE_TYPES = ("all_of", "n_of", "min_ects", "min_grade", "credential", "pathway", "recognized")


class RuleError(ValueError):
    """A rule tree is malformed; ``path`` is the JSON path of the offending value, ``message`` one sentence."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class AllOf:
    """Satisfied when every child is satisfied."""

    children: tuple[Rule, ...]


@dataclass(frozen=True)
class NOf:
    """Satisfied when at least ``n`` children are satisfied."""

    n: int
    children: tuple[Rule, ...]


@dataclass(frozen=True)
class MinEcts:
    """Satisfied when the matched components total at least ``ects`` credits; ``of=None`` matches any component."""

    ects: Decimal
    of: tuple[Selector, ...] | None = None


@dataclass(frozen=True)
class MinGrade:
    """Satisfied when the child component is held with a grade fraction of at least ``grade``."""

    grade: float
    child: Credential | Recognized


@dataclass(frozen=True)
class Credential:
    """Satisfied by an award of the micro-credential, of any version or of ``min_version`` or later."""

    microcredential: uuid.UUID
    min_version: int | None = None


@dataclass(frozen=True)
class PathwayRef:
    """Satisfied when the nested pathway is earned or its own rule is satisfied."""

    pathway: uuid.UUID


@dataclass(frozen=True)
class RecognitionMatch:
    """Which recognized items (credentials of other institutions) a ``recognized`` node accepts."""

    achievement_id: str | None = None
    alignment: str | None = None
    issuer: str | None = None
    min_ects: Decimal | None = None
    min_eqf: int | None = None


@dataclass(frozen=True)
class Recognized:
    """Satisfied by a recognized item matching ``match``."""

    match: RecognitionMatch


Rule = AllOf | NOf | MinEcts | MinGrade | Credential | PathwayRef | Recognized
Selector = Credential | Recognized | MinGrade
SELECTOR_TYPES = (Credential, Recognized, MinGrade)


def parse_rule(data: Any) -> Rule:
    """Parse a rule tree from decoded JSON (or a JSON string); raise ``RuleError`` on the first problem."""
    if isinstance(data, str | bytes | bytearray):
        try:
            data = json.loads(data)
        except ValueError:
            raise RuleError("$", "the rule is not valid JSON.")
    return _Parser().node(data, "$", 1)


def rule_to_json(rule: Rule) -> dict[str, Any]:
    """Serialise a rule tree to the JSON form ``parse_rule`` reads."""
    if isinstance(rule, AllOf):
        return {"all_of": [rule_to_json(child) for child in rule.children]}
    if isinstance(rule, NOf):
        return {"n_of": {"n": rule.n, "children": [rule_to_json(child) for child in rule.children]}}
    if isinstance(rule, MinEcts):
        body: dict[str, Any] = {"ects": _ects_json(rule.ects)}
        if rule.of is not None:
            body["of"] = [rule_to_json(child) for child in rule.of]
        return {"min_ects": body}
    if isinstance(rule, MinGrade):
        return {"min_grade": {"grade": rule.grade, "child": rule_to_json(rule.child)}}
    if isinstance(rule, Credential):
        body = {"microcredential": str(rule.microcredential)}
        if rule.min_version is not None:
            body["min_version"] = rule.min_version
        return {"credential": body}
    if isinstance(rule, PathwayRef):
        return {"pathway": {"pathway": str(rule.pathway)}}
    if isinstance(rule, Recognized):
        match = rule.match
        fields = {"achievement_id": match.achievement_id, "alignment": match.alignment, "issuer": match.issuer,
                  "min_ects": None if match.min_ects is None else _ects_json(match.min_ects),
                  "min_eqf": match.min_eqf}
        return {"recognized": {"match": {key: value for key, value in fields.items() if value is not None}}}
    raise TypeError(f"not a rule node: {rule!r}")


def children_of(rule: Rule) -> tuple[Rule, ...]:
    """The direct child nodes of a rule node (selectors of ``min_ects`` included)."""
    if isinstance(rule, AllOf | NOf):
        return rule.children
    if isinstance(rule, MinEcts):
        return rule.of or ()
    if isinstance(rule, MinGrade):
        return (rule.child,)
    return ()


def walk(rule: Rule) -> Iterator[Rule]:
    """Every node of the tree, in pre-order."""
    stack = [rule]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children_of(node)))


def _ects_json(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


class _Parser:
    """Recursive-descent parser that counts nodes and tracks depth."""

    def __init__(self) -> None:
        self.count = 0

    def node(self, data: Any, path: str, depth: int) -> Rule:
        if depth > MAX_DEPTH:
            raise RuleError(path, f"the rule is nested deeper than {MAX_DEPTH} levels.")
        self.count += 1
        if self.count > MAX_NODES:
            raise RuleError(path, f"the rule has more than {MAX_NODES} nodes.")
        if not isinstance(data, dict) or len(data) != 1:
            raise RuleError(path, "a rule node must be an object with exactly one key naming its type.")
        ((kind, body),) = data.items()
        if kind not in NODE_TYPES:
            raise RuleError(path, f"unknown node type {kind!r}; expected one of {', '.join(NODE_TYPES)}.")
        return getattr(self, kind)(body, f"{path}.{kind}", depth)

    def children(self, data: Any, path: str, depth: int, what: str) -> tuple[Rule, ...]:
        if not isinstance(data, list):
            raise RuleError(path, f"{what} must be a list of rule nodes.")
        if not data:
            raise RuleError(path, f"{what} must list at least one rule node.")
        return tuple(self.node(child, f"{path}[{index}]", depth + 1) for index, child in enumerate(data))

    def all_of(self, body: Any, path: str, depth: int) -> AllOf:
        return AllOf(self.children(body, path, depth, "all_of"))

    def n_of(self, body: Any, path: str, depth: int) -> NOf:
        fields = _fields(body, path, "n_of", required=("n", "children"))
        n = fields["n"]
        if not _is_int(n) or n < 1:
            raise RuleError(f"{path}.n", "n must be a whole number of at least 1.")
        children = self.children(fields["children"], f"{path}.children", depth, "children")
        if n > len(children):
            raise RuleError(f"{path}.n", f"n is {n} but there are only {len(children)} children.")
        return NOf(n, children)

    def min_ects(self, body: Any, path: str, depth: int) -> MinEcts:
        fields = _fields(body, path, "min_ects", required=("ects",), optional=("of",))
        ects = _ects(fields["ects"], f"{path}.ects", "ects")
        of = fields.get("of", "any")
        if of == "any":
            return MinEcts(ects, None)
        if not isinstance(of, list):
            raise RuleError(f"{path}.of", 'of must be a list of selectors or "any".')
        if not of:
            raise RuleError(f"{path}.of", "of must list at least one selector; omit it to count any component.")
        selectors = []
        for index, item in enumerate(of):
            child = self.node(item, f"{path}.of[{index}]", depth + 1)
            if not isinstance(child, SELECTOR_TYPES):
                raise RuleError(f"{path}.of[{index}]", "min_ects can only count credential, recognized and "
                                f"min_grade nodes, not {node_type(child)}.")
            selectors.append(child)
        return MinEcts(ects, tuple(selectors))

    def min_grade(self, body: Any, path: str, depth: int) -> MinGrade:
        fields = _fields(body, path, "min_grade", required=("grade", "child"))
        grade = fields["grade"]
        if isinstance(grade, bool) or not isinstance(grade, int | float) or not math.isfinite(grade):
            raise RuleError(f"{path}.grade", "grade must be a number.")
        if not 0 <= grade <= 1:
            raise RuleError(f"{path}.grade", f"grade must be a fraction between 0 and 1, got {grade}.")
        child = self.node(fields["child"], f"{path}.child", depth + 1)
        if not isinstance(child, Credential | Recognized):
            raise RuleError(f"{path}.child",
                            f"min_grade applies to a credential or recognized node, not {node_type(child)}.")
        return MinGrade(float(grade), child)

    def credential(self, body: Any, path: str, depth: int) -> Credential:
        fields = _fields(body, path, "credential", required=("microcredential",), optional=("min_version",))
        min_version = fields.get("min_version")
        if min_version is not None and (not _is_int(min_version) or min_version < 1):
            raise RuleError(f"{path}.min_version", "min_version must be a whole number of at least 1.")
        return Credential(_uuid(fields["microcredential"], f"{path}.microcredential", "microcredential"), min_version)

    def pathway(self, body: Any, path: str, depth: int) -> PathwayRef:
        fields = _fields(body, path, "pathway", required=("pathway",))
        return PathwayRef(_uuid(fields["pathway"], f"{path}.pathway", "pathway"))

    def recognized(self, body: Any, path: str, depth: int) -> Recognized:
        match = _fields(_fields(body, path, "recognized", required=("match",))["match"], f"{path}.match", "match",
                        optional=("achievement_id", "alignment", "issuer", "min_ects", "min_eqf"))
        path = f"{path}.match"
        if match.get("achievement_id") is None and match.get("alignment") is None:
            raise RuleError(path, "match needs an achievement_id or an alignment URL.")
        for name in ("achievement_id", "alignment", "issuer"):
            value = match.get(name)
            if value is not None and (not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT):
                raise RuleError(f"{path}.{name}",
                                f"{name} must be a non-empty string of at most {MAX_TEXT} characters.")
        alignment = match.get("alignment")
        if alignment is not None:
            parts = urlsplit(alignment)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise RuleError(f"{path}.alignment", "alignment must be an absolute http(s) URL.")
        min_ects = match.get("min_ects")
        if min_ects is not None:
            min_ects = _ects(min_ects, f"{path}.min_ects", "min_ects")
        min_eqf = match.get("min_eqf")
        if min_eqf is not None and (not _is_int(min_eqf) or min_eqf not in EQF_LEVELS):
            raise RuleError(f"{path}.min_eqf", "min_eqf must be an EQF level from 1 to 8.")
        return Recognized(RecognitionMatch(match.get("achievement_id"), alignment, match.get("issuer"),
                                           min_ects, min_eqf))


def _fields(body: Any, path: str, kind: str, required: tuple[str, ...] = (),
            optional: tuple[str, ...] = ()) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise RuleError(path, f"the body of {kind} must be an object.")
    allowed = required + optional
    for key in body:
        if key not in allowed:
            raise RuleError(f"{path}.{key}", f"unknown field {key!r} in {kind}; allowed: {', '.join(allowed)}.")
    for key in required:
        if key not in body:
            raise RuleError(path, f"{kind} requires the field {key!r}.")
    return body


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _ects(value: Any, path: str, name: str) -> Decimal:
    number = None
    if _is_int(value) or isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
    elif isinstance(value, float):
        number = Decimal(repr(value))
    if number is None or not number.is_finite():
        raise RuleError(path, f"{name} must be a number of ECTS credits.")
    if number <= 0:
        raise RuleError(path, f"{name} must be a positive number of ECTS credits, got {value}.")
    if number > MAX_ECTS:
        raise RuleError(path, f"{name} must not exceed {MAX_ECTS} ECTS credits.")
    if number != round(number, ECTS_PLACES):
        raise RuleError(path, f"{name} must have at most {ECTS_PLACES} decimal places.")
    return number


def _uuid(value: Any, path: str, name: str) -> uuid.UUID:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return uuid.UUID(value)
    except ValueError:
        raise RuleError(path, f"{name} must be a UUID string, got {value!r}.")


def node_type(rule: Rule) -> str:
    """The JSON name of a node's type (``all_of``, ``n_of`` ...)."""
    return {AllOf: "all_of", NOf: "n_of", MinEcts: "min_ects", MinGrade: "min_grade", Credential: "credential",
            PathwayRef: "pathway", Recognized: "recognized"}[type(rule)]

"""The pathway graph: cycle detection on save and a component index for incremental re-evaluation."""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Mapping

from .pathway_tree import Credential, MinEcts, PathwayRef, Recognized, Rule, walk

# Sentinel keys of ``component_index``: pathways that a change to *any* micro-credential award, or to any
# recognized item, can affect (``min_ects`` without ``of`` counts every component; ``recognized`` nodes match
# items by achievement id or alignment, not by a catalogue id).
ANY_MICROCREDENTIAL = uuid.UUID(int=0)
ANY_RECOGNITION = uuid.UUID(int=(1 << 128) - 1)


class PathwayCycleError(ValueError):
    """Pathways contain each other in a loop; ``cycle`` lists the ids with the first repeated at the end."""

    def __init__(self, cycle: list[uuid.UUID], names: Mapping[uuid.UUID, str] | None = None) -> None:
        self.cycle = cycle
        names = names or {}
        chain = " -> ".join(names.get(item, str(item)) for item in cycle)
        super().__init__(f"pathways contain each other in a cycle: {chain}.")


def pathway_refs(rule: Rule) -> list[uuid.UUID]:
    """The pathways a rule names directly, in tree order, without repeats."""
    return list(dict.fromkeys(node.pathway for node in walk(rule) if isinstance(node, PathwayRef)))


def direct_components(rule: Rule) -> set[uuid.UUID]:
    """Micro-credentials, pathways and sentinel keys a rule depends on directly."""
    found: set[uuid.UUID] = set()
    for node in walk(rule):
        if isinstance(node, Credential):
            found.add(node.microcredential)
        elif isinstance(node, PathwayRef):
            found.add(node.pathway)
        elif isinstance(node, Recognized):
            found.add(ANY_RECOGNITION)
        elif isinstance(node, MinEcts) and node.of is None:
            found.update((ANY_MICROCREDENTIAL, ANY_RECOGNITION))
    return found


def find_cycle(pathways: Mapping[uuid.UUID, Rule]) -> list[uuid.UUID] | None:
    """A cycle of pathways containing each other (``[A, B, A]``), or None; references to unknown ids are ignored."""
    edges = {pid: [ref for ref in pathway_refs(rule) if ref in pathways] for pid, rule in pathways.items()}
    finished: set[uuid.UUID] = set()
    for start in edges:
        if start in finished:
            continue
        path = [start]
        on_path = {start}
        pending = [iter(edges[start])]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                pending.pop()
                finished.add(path[-1])
                on_path.discard(path.pop())
            elif step in on_path:
                return path[path.index(step):] + [step]
            elif step not in finished:
                path.append(step)
                on_path.add(step)
                pending.append(iter(edges[step]))
    return None


def check_acyclic(pathways: Mapping[uuid.UUID, Rule], names: Mapping[uuid.UUID, str] | None = None) -> None:
    """Raise ``PathwayCycleError`` naming the cycle if any pathway contains itself, directly or through others."""
    cycle = find_cycle(pathways)
    if cycle is not None:
        raise PathwayCycleError(cycle, names)


def component_index(pathways: Mapping[uuid.UUID, Rule]) -> dict[uuid.UUID, set[uuid.UUID]]:
    """Map each micro-credential, nested pathway and sentinel key to every pathway containing it, transitively."""
    parents: dict[uuid.UUID, set[uuid.UUID]] = {}
    for pid, rule in pathways.items():
        for component in direct_components(rule):
            parents.setdefault(component, set()).add(pid)
    index: dict[uuid.UUID, set[uuid.UUID]] = {}
    for component, direct in parents.items():
        seen = set(direct)
        queue = deque(direct)
        while queue:
            for parent in parents.get(queue.popleft(), ()):
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
        index[component] = seen
    return index


def affected_pathways(changed: uuid.UUID, index: Mapping[uuid.UUID, set[uuid.UUID]]) -> set[uuid.UUID]:
    """Pathways to re-evaluate when the learner's award of ``changed`` (micro-credential or pathway) changes."""
    return set(index.get(changed, ())) | set(index.get(ANY_MICROCREDENTIAL, ()))


def affected_by_recognition(index: Mapping[uuid.UUID, set[uuid.UUID]]) -> set[uuid.UUID]:
    """Pathways to re-evaluate when the learner's recognized items change."""
    return set(index.get(ANY_RECOGNITION, ()))

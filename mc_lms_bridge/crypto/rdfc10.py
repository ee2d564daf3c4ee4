"""RDFC-1.0 (W3C RDF Dataset Canonicalization) over quads of canonical N-Quads term strings."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import permutations

from .canonical_errors import CanonicalizationLimitError
from .nquads import Quad, serialize_quad

HASH_ALGORITHMS: dict[str, Callable[[bytes], object]] = {
    "sha256": hashlib.sha256,
    "sha384": hashlib.sha384,
}
# Upper bound on Hash N-Degree Quads invocations per blank node (the W3C "evil" tests need 39, the poison
# clique test074 needs far more); poison graphs exceed it quickly.
DEFAULT_WORK_FACTOR = 100


@dataclass(frozen=True)
class CanonicalDataset:
    """Canonical N-Quads text and the input blank node label -> canonical label map."""

    nquads: str
    issued: dict[str, str]


class _Issuer:
    """Identifier issuer: hands out prefix0, prefix1, ... in first-come order."""

    __slots__ = ("prefix", "counter", "issued")

    def __init__(self, prefix: str, counter: int = 0, issued: dict[str, str] | None = None):
        self.prefix = prefix
        self.counter = counter
        self.issued: dict[str, str] = issued if issued is not None else {}

    def issue(self, existing: str) -> str:
        identifier = self.issued.get(existing)
        if identifier is None:
            identifier = f"{self.prefix}{self.counter}"
            self.counter += 1
            self.issued[existing] = identifier
        return identifier

    def copy(self) -> _Issuer:
        return _Issuer(self.prefix, self.counter, dict(self.issued))


def _is_blank(term: str) -> bool:
    return term[:2] == "_:"


class _Canonicalizer:
    def __init__(self, quads: list[Quad], hash_algorithm: str, work_factor: int):
        if hash_algorithm not in HASH_ALGORITHMS:
            raise ValueError(f"Unsupported RDFC-1.0 hash algorithm {hash_algorithm!r}.")
        self.quads = quads
        self.hash = HASH_ALGORITHMS[hash_algorithm]
        self.canonical = _Issuer("_:c14n")
        self.bnode_quads: dict[str, list[Quad]] = {}
        self.first_degree: dict[str, str] = {}
        self.work_factor = work_factor
        self.work_left = 0

    def _digest(self, text: str) -> str:
        return self.hash(text.encode("utf-8")).hexdigest()  # type: ignore[attr-defined]

    def hash_first_degree(self, node: str) -> str:
        cached = self.first_degree.get(node)
        if cached is not None:
            return cached
        lines = []
        for subject, predicate, obj, graph in self.bnode_quads[node]:
            if subject[:2] == "_:":
                subject = "_:a" if subject == node else "_:z"
            if obj[:2] == "_:":
                obj = "_:a" if obj == node else "_:z"
            if graph[:2] == "_:":
                graph = "_:a" if graph == node else "_:z"
            lines.append(serialize_quad((subject, predicate, obj, graph)))
        lines.sort()
        digest = self._digest("".join(lines))
        self.first_degree[node] = digest
        return digest

    def hash_related(self, related: str, quad: Quad, issuer: _Issuer, position: str) -> str:
        identifier = self.canonical.issued.get(related) or issuer.issued.get(related)
        if identifier is None:
            identifier = self.hash_first_degree(related)
        text = position if position == "g" else f"{position}{quad[1]}"
        return self._digest(text + identifier)

    def hash_n_degree(self, node: str, issuer: _Issuer) -> tuple[str, _Issuer]:
        self.work_left -= 1
        if self.work_left < 0:
            raise CanonicalizationLimitError(
                "RDFC-1.0 blank node hashing exceeded its work limit; the dataset looks like a poison graph."
            )
        related_by_hash: dict[str, list[str]] = {}
        for quad in self.bnode_quads[node]:
            for term, position in ((quad[0], "s"), (quad[2], "o"), (quad[3], "g")):
                if term != node and _is_blank(term):
                    digest = self.hash_related(term, quad, issuer, position)
                    related_by_hash.setdefault(digest, []).append(term)
        data = []
        for digest in sorted(related_by_hash):
            data.append(digest)
            chosen_path = ""
            chosen_issuer: _Issuer | None = None
            for permutation in permutations(related_by_hash[digest]):
                issuer_copy = issuer.copy()
                path = ""
                recursion: list[str] = []
                skip = False
                for related in permutation:
                    canonical_id = self.canonical.issued.get(related)
                    if canonical_id is not None:
                        path += canonical_id
                    else:
                        if related not in issuer_copy.issued:
                            recursion.append(related)
                        path += issuer_copy.issue(related)
                    if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                        skip = True
                        break
                if skip:
                    continue
                for related in recursion:
                    result_hash, result_issuer = self.hash_n_degree(related, issuer_copy)
                    path += issuer_copy.issue(related)
                    path += f"<{result_hash}>"
                    issuer_copy = result_issuer
                    if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                        skip = True
                        break
                if skip:
                    continue
                if not chosen_path or path < chosen_path:
                    chosen_path = path
                    chosen_issuer = issuer_copy
            data.append(chosen_path)
            assert chosen_issuer is not None  # noqa: S101 - at least one permutation is never skipped
            issuer = chosen_issuer
        return self._digest("".join(data)), issuer

    def run(self) -> CanonicalDataset:
        bnode_quads = self.bnode_quads
        for quad in self.quads:
            subject, _, obj, graph = quad
            # Each quad is listed once per blank node even if that node fills two positions (as rdf-canonize does).
            if subject[:2] == "_:":
                bnode_quads.setdefault(subject, []).append(quad)
            if obj[:2] == "_:" and obj != subject:
                bnode_quads.setdefault(obj, []).append(quad)
            if graph[:2] == "_:" and graph != subject and graph != obj:
                bnode_quads.setdefault(graph, []).append(quad)
        self.work_left = self.work_factor * max(len(bnode_quads), 1)
        by_hash: dict[str, list[str]] = {}
        for node in self.bnode_quads:
            by_hash.setdefault(self.hash_first_degree(node), []).append(node)
        shared: list[tuple[str, list[str]]] = []
        for digest in sorted(by_hash):
            nodes = by_hash[digest]
            if len(nodes) == 1:
                self.canonical.issue(nodes[0])
            else:
                shared.append((digest, nodes))
        for _, nodes in shared:
            results = []
            for node in nodes:
                if node in self.canonical.issued:
                    continue
                temporary = _Issuer("_:b")
                temporary.issue(node)
                results.append(self.hash_n_degree(node, temporary))
            results.sort(key=lambda result: result[0])
            for _, issuer in results:
                for existing in issuer.issued:
                    self.canonical.issue(existing)
        return CanonicalDataset(self._relabelled_nquads(), self._issued_labels())

    def _relabelled_nquads(self) -> str:
        issued = self.canonical.issued
        lines = set()
        for subject, predicate, obj, graph in self.quads:
            if subject[:2] == "_:":
                subject = issued[subject]
            if obj[:2] == "_:":
                obj = issued[obj]
            if graph[:2] == "_:":
                graph = issued[graph]
            lines.add(serialize_quad((subject, predicate, obj, graph)))
        return "".join(sorted(lines))

    def _issued_labels(self) -> dict[str, str]:
        return {existing[2:]: label[2:] for existing, label in self.canonical.issued.items()}


def canonicalize_quads(
    quads: Iterable[Quad], *, hash_algorithm: str = "sha256", work_factor: int = DEFAULT_WORK_FACTOR
) -> CanonicalDataset:
    """Canonicalize a dataset with RDFC-1.0; duplicate quads are removed first."""
    return _Canonicalizer(list(dict.fromkeys(quads)), hash_algorithm, work_factor).run()

"""RDFC-1.0 reproduces the W3C rdf-canon test suite byte for byte (eval tests, maps, negative test)."""

from __future__ import annotations

import csv
import time

import pytest

from mc_lms_bridge.crypto.canonical_errors import CanonicalizationLimitError
from mc_lms_bridge.crypto.canonicalize import canonicalize_nquads
from mc_lms_bridge.crypto.rdfc10 import canonicalize_quads

from .vectors import RDF_CANON, load_json, read_text


def _manifest() -> list[dict[str, str]]:
    with (RDF_CANON / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


MANIFEST = _manifest()
EVAL_TESTS = [row for row in MANIFEST if row["rdfc10"] == "TRUE"]
MAP_TESTS = [row for row in EVAL_TESTS if row["rdfc10map"] == "TRUE"]
NEGATIVE_TESTS = [row for row in MANIFEST if row["rdfc10"] == "RDFC10NegativeEvalTest"]


def _algorithm(row: dict[str, str]) -> str:
    return "sha384" if row["hashAlgorithm"] == "SHA384" else "sha256"


def test_manifest_has_the_expected_size():
    assert len(EVAL_TESTS) == 64
    assert len(MAP_TESTS) >= 20
    assert [row["test"] for row in NEGATIVE_TESTS] == ["test074"]


@pytest.mark.parametrize("row", EVAL_TESTS, ids=lambda row: f"{row['test']}-{row['name']}")
def test_eval(row):
    source = read_text(RDF_CANON / "rdfc10" / f"{row['test']}-in.nq")
    expected = read_text(RDF_CANON / "rdfc10" / f"{row['test']}-rdfc10.nq")
    assert canonicalize_nquads(source, hash_algorithm=_algorithm(row)).nquads == expected


@pytest.mark.parametrize("row", MAP_TESTS, ids=lambda row: row["test"])
def test_issued_identifier_map(row):
    source = read_text(RDF_CANON / "rdfc10" / f"{row['test']}-in.nq")
    expected = load_json(RDF_CANON / "rdfc10" / f"{row['test']}-rdfc10map.json")
    assert canonicalize_nquads(source, hash_algorithm=_algorithm(row)).issued == expected


def test_poison_clique_is_refused_quickly():
    source = read_text(RDF_CANON / "rdfc10" / "test074-in.nq")
    started = time.perf_counter()
    with pytest.raises(CanonicalizationLimitError, match="work limit"):
        canonicalize_nquads(source)
    assert time.perf_counter() - started < 10


def test_unknown_hash_algorithm_is_refused():
    with pytest.raises(ValueError, match="md5"):
        canonicalize_quads([("_:a", "<urn:p>", "<urn:o>", "")], hash_algorithm="md5")


def test_input_order_and_labels_do_not_matter():
    first = "_:x <urn:p> _:y .\n_:y <urn:q> \"v\" .\n"
    second = "_:k <urn:q> \"v\" .\n_:j <urn:p> _:k .\n"
    assert canonicalize_nquads(first).nquads == canonicalize_nquads(second).nquads
    assert sorted(canonicalize_nquads(first).issued.values()) == ["c14n0", "c14n1"]

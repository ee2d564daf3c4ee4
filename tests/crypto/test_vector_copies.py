"""The copied vectors are byte-identical to their recorded origins (sha256 from SOURCES.md / SHA256SUMS)."""

from __future__ import annotations

import hashlib

import pytest

from .vectors import DATA, RDF_CANON


def _sources_table() -> dict[str, str]:
    """tests/data/crypto/SOURCES.sha256: digests transcribed from /work/shared/standards/SOURCES.md."""
    table = {}
    for line in (DATA / "SOURCES.sha256").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            table[name] = digest
    return table


SOURCES_SHA256 = _sources_table()


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sources_table_covers_every_copied_vector():
    assert len(SOURCES_SHA256) == 28


@pytest.mark.parametrize("relative", sorted(SOURCES_SHA256))
def test_copy_matches_sources_md(relative):
    assert _sha256(DATA / relative) == SOURCES_SHA256[relative]


def test_rdf_canon_suite_matches_its_sha256sums():
    lines = (RDF_CANON / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    checked = 0
    for line in lines:
        digest, name = line.split(maxsplit=1)
        assert _sha256(RDF_CANON / name.removeprefix("./")) == digest, name
        checked += 1
    assert checked >= 150

"""Paths to the official test vectors copied under tests/data/crypto (CI runs without /work/shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "crypto"
RDF_CANON = DATA / "w3c-rdf-canon"
VC_DI_EDDSA = DATA / "w3c-vc-di-eddsa"
OB3_VECTOR = DATA / "1edtech-ob3-eddsa-rdfc-2022"
EXAMPLES = DATA / "examples"


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")

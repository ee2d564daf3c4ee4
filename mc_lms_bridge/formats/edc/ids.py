"""Deterministic ``urn:epass:<kind>:<uuid>`` node identifiers derived from record ids (same input, same id)."""

from __future__ import annotations

import uuid

# A fixed namespace so that ids are stable across processes and releases.
EPASS_NAMESPACE = uuid.UUID("0b8c1c2e-6f0a-5d5e-9a3e-4e44c0edc032")


def epass_id(kind: str, *parts: object) -> str:
    """Return ``urn:epass:<kind>:<uuid5>`` where the uuid is derived from ``kind`` and ``parts``."""
    if not kind or not parts:
        raise ValueError("An EDC node id needs a kind and at least one record id to derive from.")
    seed = "\x1f".join([kind, *(str(part) for part in parts)])
    return f"urn:epass:{kind}:{uuid.uuid5(EPASS_NAMESPACE, seed)}"

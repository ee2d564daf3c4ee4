"""Structural checks of a CLR 2.0 ClrCredential, written from the spec (required fields, types, associations).

1EdTech publishes a ClrCredential JSON schema, but no pinned copy ships with this package; these checks cover
the spec's required properties, and every embedded OB3 credential is checked against the shipped OB3 schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from urllib.parse import urlsplit

from ..ob3.schema import validate_ob3_schema
from .builder import ASSOCIATION_TYPES, CLR_CONTEXT

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"


def _list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _is_uri(value) -> bool:
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        return False
    return bool(urlsplit(value).scheme)


def _is_datetime(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _envelope(clr: Mapping) -> list[str]:
    problems = []
    contexts = _list(clr.get("@context"))
    if not contexts or contexts[0] != VC_V2_CONTEXT:
        problems.append(f"$.@context: the first context must be {VC_V2_CONTEXT}.")
    if CLR_CONTEXT not in contexts:
        problems.append(f"$.@context: the CLR 2.0 context {CLR_CONTEXT} is missing.")
    types = _list(clr.get("type"))
    for name in ("VerifiableCredential", "ClrCredential"):
        if name not in types:
            problems.append(f"$.type: must include {name}.")
    if not _is_uri(clr.get("id")):
        problems.append("$.id: a ClrCredential needs a URI id.")
    if not isinstance(clr.get("name"), str) or not clr.get("name"):
        problems.append("$.name: a ClrCredential needs a name.")
    issuer = clr.get("issuer")
    if not isinstance(issuer, Mapping) or not _is_uri(issuer.get("id")) or "Profile" not in _list(issuer.get("type")):
        problems.append("$.issuer: must be a Profile with a URI id.")
    if not _is_datetime(clr.get("validFrom")):
        problems.append("$.validFrom: must be a date-time with a time zone.")
    if "validUntil" in clr and not _is_datetime(clr["validUntil"]):
        problems.append("$.validUntil: must be a date-time with a time zone.")
    return problems


def _subject(subject: Mapping) -> tuple[list[str], set[str]]:
    problems = []
    if "ClrSubject" not in _list(subject.get("type")):
        problems.append("$.credentialSubject.type: must be ClrSubject.")
    credentials = subject.get("verifiableCredential")
    if not isinstance(credentials, list) or not credentials:
        problems.append("$.credentialSubject.verifiableCredential: must list at least one credential.")
        credentials = []
    known: set[str] = set()
    for index, credential in enumerate(credentials):
        where = f"$.credentialSubject.verifiableCredential[{index}]"
        if not isinstance(credential, Mapping):
            problems.append(f"{where}: must be a credential object.")
            continue
        if "proof" not in credential:
            problems.append(f"{where}: an embedded credential must keep its proof.")
        proofs = credential.get("proof")
        document = {**credential, "proof": proofs if isinstance(proofs, list) else [proofs]} if proofs else credential
        problems += [f"{where}: {problem}" for problem in validate_ob3_schema(dict(document))[:5]]
        achievement = (credential.get("credentialSubject") or {}).get("achievement") or {}
        if isinstance(achievement, Mapping) and achievement.get("id"):
            known.add(achievement["id"])
    for index, achievement in enumerate(_list(subject.get("achievement"))):
        if not isinstance(achievement, Mapping) or not _is_uri(achievement.get("id")):
            problems.append(f"$.credentialSubject.achievement[{index}]: an Achievement needs a URI id.")
            continue
        if "Achievement" not in _list(achievement.get("type")) or not achievement.get("name"):
            problems.append(f"$.credentialSubject.achievement[{index}]: needs type Achievement and a name.")
        known.add(achievement["id"])
    return problems, known


def _associations(subject: Mapping, known: set[str]) -> list[str]:
    problems = []
    for index, item in enumerate(_list(subject.get("association"))):
        where = f"$.credentialSubject.association[{index}]"
        if not isinstance(item, Mapping) or item.get("type") != "Association":
            problems.append(f"{where}: type must be Association.")
            continue
        if item.get("associationType") not in ASSOCIATION_TYPES:
            problems.append(f"{where}.associationType: must be one of {', '.join(ASSOCIATION_TYPES)}.")
        for end in ("sourceId", "targetId"):
            if not _is_uri(item.get(end)):
                problems.append(f"{where}.{end}: must be a URI.")
            elif item[end] not in known:
                problems.append(f"{where}.{end}: {item[end]} is not an achievement of this record.")
    return problems


def validate_clr(clr: Mapping) -> list[str]:
    """Return readable ``<json path>: <problem>`` strings for a ClrCredential (empty when it conforms)."""
    if not isinstance(clr, Mapping):
        return ["$: a ClrCredential must be a JSON object."]
    problems = _envelope(clr)
    subject = clr.get("credentialSubject")
    if not isinstance(subject, Mapping):
        return problems + ["$.credentialSubject: must be one ClrSubject object."]
    subject_problems, known = _subject(subject)
    return problems + subject_problems + _associations(subject, known)

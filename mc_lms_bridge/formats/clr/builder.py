"""Build an unsigned CLR 2.0 ClrCredential embedding whole, signed OB3 credentials; pure function."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import datetime

from ..ob3.profile import OB3_CONTEXT, OB3_EXTENSIONS_CONTEXT, VC_V2_CONTEXT
from ..ob3.text import iso_datetime

CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
CLR_CONTEXTS = (VC_V2_CONTEXT, CLR_CONTEXT, OB3_CONTEXT, OB3_EXTENSIONS_CONTEXT)
CLR_TYPES = ("VerifiableCredential", "ClrCredential")
CLR_SCHEMA = {"id": "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json",
              "type": "1EdTechJsonSchemaValidator2019"}
#: CLR 2.0 AssociationType vocabulary.
ASSOCIATION_TYPES = ("exactMatchOf", "isChildOf", "isParentOf", "isPartOf", "isPeerOf", "isRelatedTo",
                     "precedes", "replacedBy")


def association(source_id: str, association_type: str, target_id: str) -> dict:
    """One Association between two achievements of the record (``source`` <type> ``target``)."""
    if association_type not in ASSOCIATION_TYPES:
        raise ValueError(f"{association_type!r} is not a CLR 2.0 association type.")
    return {"type": "Association", "associationType": association_type, "sourceId": source_id,
            "targetId": target_id}


def _achievements(credentials: Sequence[Mapping]) -> list[dict]:
    seen: dict[str, dict] = {}
    for credential in credentials:
        achievement = (credential.get("credentialSubject") or {}).get("achievement")
        if isinstance(achievement, Mapping) and achievement.get("id") not in seen:
            seen[achievement["id"]] = copy.deepcopy(dict(achievement))
    return list(seen.values())


def build_clr_credential(*, credential_id: str, issuer: Mapping, subject_id: str, name: str,
                         credentials: Sequence[Mapping], associations: Sequence[Mapping], valid_from: datetime,
                         description: str = "", identifier: Sequence[Mapping] = (),
                         status_entry: Mapping | None = None) -> dict:
    """Return the unsigned ClrCredential: ``credentials`` embedded whole (as signed), their achievements listed.

    ``issuer`` is an OB3 Profile; ``associations`` are built with ``association`` over achievement ids.
    """
    if not credentials:
        raise ValueError("A CLR needs at least one verifiable credential.")
    subject: dict = {"id": subject_id, "type": ["ClrSubject"]}
    if identifier:
        subject["identifier"] = [copy.deepcopy(dict(item)) for item in identifier]
    subject["verifiableCredential"] = [copy.deepcopy(dict(credential)) for credential in credentials]
    subject["achievement"] = _achievements(credentials)
    if associations:
        subject["association"] = [dict(item) for item in associations]
    clr: dict = {"@context": list(CLR_CONTEXTS), "id": credential_id, "type": list(CLR_TYPES), "name": name}
    if description:
        clr["description"] = description
    clr.update({"issuer": copy.deepcopy(dict(issuer)), "validFrom": iso_datetime(valid_from, "issuing time"),
                "credentialSubject": subject, "credentialSchema": [dict(CLR_SCHEMA)]})
    if status_entry is not None:
        clr["credentialStatus"] = dict(status_entry)
    return clr

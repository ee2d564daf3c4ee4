"""Issue the Open Badges 3.0 credential of an award in both proof formats (Data Integrity and VC-JWT)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from .. import identity, keystore
from ..catalogue.records import award_record
from ..conf import app_settings
from ..crypto.jws import encode_vc_jwt
from ..formats.ob3 import build_ob3_credential, validate_ob3_schema
from ..models import CredentialFormat, IssuedCredential
from ..pathways import format_hooks
from ..status.service import allocate_entry, status_entry
from .inputs import IssuanceInputs
from .signing import sign_data_integrity


class CredentialBuildError(Exception):
    """The built credential does not satisfy the Open Badges 3.0 schema (a bug or bad catalogue data)."""


def canonical_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def issue_ob3(inputs: IssuanceInputs, *, now: datetime) -> list[IssuedCredential]:
    """Build, sign (DI + JWT) and store the OB3 credential of an award (inside the caller's transaction)."""
    award, organisation = inputs.award, inputs.organisation
    credential_uuid = uuid.uuid4()
    status_list, index = allocate_entry(organisation, app_settings.STATUS_PURPOSE)
    unsigned = build_ob3_credential(
        award=award_record(award, credential_uuid=credential_uuid), microcredential=inputs.microcredential,
        learner=inputs.learner, issuer=inputs.issuer, status_entries=[status_entry(status_list, index)],
        identity_salt=app_settings.IDENTITY_HASH_SALT, now=now)
    if inputs.stacks_pathway:
        unsigned = format_hooks.stacked_ob3(unsigned, award)
    problems = validate_ob3_schema(unsigned)
    if problems:
        raise CredentialBuildError("The Open Badges credential does not match the 1EdTech schema: "
                                   + "; ".join(problems[:5]))
    signed, di_key = sign_data_integrity(unsigned, organisation, now=now)
    jwt_key = keystore.signing_key(organisation, app_settings.JWT_ALGORITHM)
    token = encode_vc_jwt(unsigned, alg=jwt_key.algorithm, private_key=keystore.private_key(jwt_key),
                          kid=identity.verification_method_id(jwt_key))
    common = {"award": award, "credential_id": unsigned["id"], "status_list": status_list, "status_index": index,
              "issued_at": now}
    return [
        IssuedCredential.objects.create(id=credential_uuid, format=CredentialFormat.OB3_DATA_INTEGRITY,
                                        payload=canonical_json(signed), key=di_key, **common),
        IssuedCredential.objects.create(format=CredentialFormat.OB3_JWT, payload=token, key=jwt_key, **common),
    ]

"""Schema validation: the shipped schemas are the official bytes and errors are readable."""

from __future__ import annotations

import hashlib

from mc_lms_bridge.formats.ob3 import build_issuer_profile, validate_ob3_profile, validate_ob3_schema
from mc_lms_bridge.formats.ob3.schema import schema_bytes

from ..sample_records import sample_issuer
from .credentials import sample_credential


def test_shipped_schemas_are_byte_identical_to_the_pinned_official_files():
    achievement = hashlib.sha256(schema_bytes("ob_v3p0_achievementcredential_schema.json")).hexdigest()
    profile = hashlib.sha256(schema_bytes("ob_v3p0_profile_schema.json")).hexdigest()
    assert achievement == "5753fb3ecf7d024ed273dd364bd683f483eb47257e718e6618832cf89eb2083a"
    assert profile == "9b05049f720b8ad9bd7aed358ca59c643c34bf1cec0b29fd7baa8bf98efed164"


def test_errors_name_the_json_path_of_each_violation():
    credential = sample_credential()
    del credential["credentialSubject"]["achievement"]["criteria"]
    credential["credentialSubject"]["achievement"]["alignment"][0]["targetType"] = "ESCO"
    credential["validFrom"] = "yesterday"
    errors = validate_ob3_schema(credential)
    assert "$.credentialSubject.achievement: 'criteria' is a required property" in errors
    assert "$.validFrom: 'yesterday' is not a 'date-time'" in errors
    assert any(
        error.startswith("$.credentialSubject.achievement.alignment[0].targetType: ") for error in errors
    )
    assert len(errors) == 3


def test_issuer_profile_document_validates_against_the_profile_schema():
    profile = build_issuer_profile(sample_issuer())
    assert validate_ob3_profile(profile) == []
    assert profile["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert profile["id"] == sample_issuer().did
    assert profile["address"]["addressCountryCode"] == "BE"
    assert profile["otherIdentifier"][0]["identifier"] == "BE0123456789"


def test_profile_schema_rejects_a_profile_without_id():
    profile = build_issuer_profile(sample_issuer())
    del profile["id"]
    assert validate_ob3_profile(profile) == ["$: 'id' is a required property"]

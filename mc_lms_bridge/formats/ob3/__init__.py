"""Open Badges 3.0 format: pure builders, schema validation and EU-element extraction."""

from .achievement import build_achievement
from .builder import build_ob3_credential
from .errors import OB3RecordError
from .extract import extract_eu_elements
from .profile import build_issuer_profile
from .schema import validate_ob3_profile, validate_ob3_schema

__all__ = [
    "OB3RecordError",
    "build_achievement",
    "build_issuer_profile",
    "build_ob3_credential",
    "extract_eu_elements",
    "validate_ob3_profile",
    "validate_ob3_schema",
]

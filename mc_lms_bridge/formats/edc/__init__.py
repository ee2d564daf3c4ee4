"""Europass EDC (ELM 3.2) format: build a EuropeanDigitalCredential and validate it against the ELM shapes."""

from mc_lms_bridge.formats.edc.builder import build_edc_credential
from mc_lms_bridge.formats.edc.errors import EdcBuildError, EdcContextError, EdcValidationError
from mc_lms_bridge.formats.edc.preflight import missing_elements
from mc_lms_bridge.formats.edc.validation import (
    EdcValidationReport,
    EdcViolation,
    ensure_valid_edc,
    validate_edc,
)

__all__ = [
    "EdcBuildError",
    "EdcContextError",
    "EdcValidationError",
    "EdcValidationReport",
    "EdcViolation",
    "build_edc_credential",
    "ensure_valid_edc",
    "missing_elements",
    "validate_edc",
]

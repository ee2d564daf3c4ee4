"""Comprehensive Learner Record 2.0 format: a pure ClrCredential builder and structural checks from the spec."""

from .builder import ASSOCIATION_TYPES, CLR_CONTEXT, CLR_CONTEXTS, association, build_clr_credential
from .validation import validate_clr

__all__ = ["ASSOCIATION_TYPES", "CLR_CONTEXT", "CLR_CONTEXTS", "association", "build_clr_credential",
           "validate_clr"]

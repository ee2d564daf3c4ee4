"""Validate an EDC credential against the ELM 3.2 shapes and report problems in an instructor's words."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pyshacl

from mc_lms_bridge.formats.edc.errors import EdcValidationError
from mc_lms_bridge.formats.edc.messages import EdcViolation, violations_from_report
from mc_lms_bridge.formats.edc.naming import node_names
from mc_lms_bridge.formats.edc.rdf import credential_graph, undefined_terms
from mc_lms_bridge.formats.edc.shapes import edc_shapes

__all__ = ["EdcValidationReport", "EdcViolation", "ensure_valid_edc", "validate_edc"]

_SHAPES_LOCK = threading.Lock()


@dataclass(frozen=True)
class EdcValidationReport:
    """Outcome of one validation: ``conforms`` and the readable ``violations`` (empty when it conforms)."""

    conforms: bool
    violations: tuple[EdcViolation, ...]

    @property
    def messages(self) -> list[str]:
        """The readable sentences, one per violation."""
        return [violation.message for violation in self.violations]


def undefined_term_violations(credential: dict) -> list[EdcViolation]:
    """Keys no pinned context defines: JSON-LD would drop them silently, so we say so."""
    return [
        EdcViolation(
            message=f"The field {term!r} is not part of the Europass format and would be ignored.",
            element=term,
            focus_node="",
            path="",
            shacl_message="",
            constraint="UndefinedTerm",
        )
        for term in undefined_terms(credential)
    ]


def validate_edc(credential: dict) -> EdcValidationReport:
    """Run the ELM 3.2 EDC shapes (parsed once) over the credential; contexts never leave the package."""
    data = credential_graph(credential)
    with _SHAPES_LOCK:  # the parsed shapes graph is shared; pyshacl does not promise thread-safe reuse of it
        _conforms, report, _text = pyshacl.validate(
            data, shacl_graph=edc_shapes(), inference="none", advanced=False, meta_shacl=False
        )
    violations = undefined_term_violations(credential)
    violations += violations_from_report(report, data, node_names(credential))
    return EdcValidationReport(conforms=not violations, violations=tuple(violations))


def ensure_valid_edc(credential: dict) -> dict:
    """Return the credential when it conforms; raise EdcValidationError listing the violations otherwise."""
    report = validate_edc(credential)
    if not report.conforms:
        raise EdcValidationError(report.violations)
    return credential

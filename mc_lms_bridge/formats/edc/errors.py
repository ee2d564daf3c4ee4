"""Exceptions raised while building, loading or validating Europass EDC credentials."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only
    from mc_lms_bridge.formats.edc.validation import EdcViolation


class EdcBuildError(ValueError):
    """The records lack something an ELM 3.2 credential cannot do without."""


class EdcContextError(ValueError):
    """A JSON-LD context outside the pinned VC 1.1 + EDC application-profile pair was requested."""


class EdcValidationError(ValueError):
    """The credential does not conform to the ELM 3.2 EDC shapes; ``violations`` says why."""

    def __init__(self, violations: tuple[EdcViolation, ...] | list[EdcViolation]):
        self.violations = tuple(violations)
        first = self.violations[0].message if self.violations else "unknown reason"
        super().__init__(
            f"The Europass credential does not meet the EU format: {first}"
            + (f" (and {len(self.violations) - 1} more problem(s))." if len(self.violations) > 1 else "")
        )

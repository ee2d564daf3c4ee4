"""Shared helpers of the OB3 tests: a fixed clock, a salt and a one-call credential builder."""

from __future__ import annotations

from datetime import UTC, datetime

from mc_lms_bridge.formats.ob3 import build_ob3_credential

from ..sample_records import sample_award, sample_learner, sample_microcredential

NOW = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
SALT = "pepper-2025"


def sample_credential(*, award=None, microcredential=None, learner=None, status_entries=()) -> dict:
    """Build the OB3 credential of the sample records, with any record swapped for another."""
    microcredential = microcredential or sample_microcredential()
    return build_ob3_credential(
        award=award or sample_award(),
        microcredential=microcredential,
        learner=learner or sample_learner(),
        issuer=microcredential.issuer,
        status_entries=status_entries,
        identity_salt=SALT,
        now=NOW,
    )

"""Fixtures for issuance tests: a published micro-credential of org A, a learner, an award."""

from __future__ import annotations

import pytest

from mc_lms_bridge.awards.service import grant_award


@pytest.fixture
def award(version, learner):
    award, _ = grant_award(learner=learner, version=version, grade="8.5/10", reason={"source": "test"},
                           evidence=[{"id": "urn:uuid:5b1f0d2e-3a7c-4a77-8d55-0c2a5b8f6a10",
                                      "narrative": "Passed with 85 %", "source_platform": "moodle",
                                      "course_id": "42"}])
    return award

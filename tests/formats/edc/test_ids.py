"""Node ids are deterministic urn:epass URNs derived from record ids."""

from __future__ import annotations

import pytest

from mc_lms_bridge.formats.edc.ids import epass_id


def test_same_parts_give_the_same_id():
    assert epass_id("qualification", "abc", 1) == epass_id("qualification", "abc", 1)
    assert epass_id("qualification", "abc", 1).startswith("urn:epass:qualification:")


def test_kind_and_parts_all_matter():
    ids = {
        epass_id("qualification", "abc", 1),
        epass_id("qualification", "abc", 2),
        epass_id("learningOutcome", "abc", 1),
        epass_id("qualification", "ab", "c1"),
    }
    assert len(ids) == 4


def test_an_id_needs_something_to_derive_from():
    with pytest.raises(ValueError, match="at least one record id"):
        epass_id("qualification")

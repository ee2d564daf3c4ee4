"""The fast (Rust) schema check and the Python jsonschema validator agree on valid and broken credentials."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mc_lms_bridge.formats.ob3 import build_ob3_credential
from mc_lms_bridge.formats.ob3.schema import ACHIEVEMENT_CREDENTIAL_SCHEMA_FILE, fast_validator, schema_validator

from ..sample_records import sample_award, sample_issuer, sample_learner, sample_microcredential


@pytest.fixture(scope="module")
def credential():
    return build_ob3_credential(award=sample_award(), microcredential=sample_microcredential(),
                                learner=sample_learner(), issuer=sample_issuer(), identity_salt="s",
                                now=datetime(2030, 1, 1, tzinfo=UTC))


def leaf_paths(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaf_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaf_paths(item, (*path, index))
    else:
        yield path


def both(document) -> tuple[bool, bool]:
    python_ok = not any(True for _ in schema_validator(ACHIEVEMENT_CREDENTIAL_SCHEMA_FILE).iter_errors(document))
    return fast_validator(ACHIEVEMENT_CREDENTIAL_SCHEMA_FILE).is_valid(document), python_ok


REPLACEMENTS = st.one_of(st.none(), st.integers(), st.booleans(), st.text(max_size=5), st.just("not-a-date"),
                         st.just([]), st.just({}))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_validators_agree_on_mutated_credentials(credential, data):
    paths = list(leaf_paths(credential))
    document = copy.deepcopy(credential)
    path = data.draw(st.sampled_from(paths))
    target = document
    for part in path[:-1]:
        target = target[part]
    if data.draw(st.booleans()) and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = data.draw(REPLACEMENTS)
    fast, python = both(document)
    assert fast == python, path


def test_valid_credential_is_valid_for_both(credential):
    assert both(credential) == (True, True)

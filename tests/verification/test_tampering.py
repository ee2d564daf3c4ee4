"""Changing any single value of a signed credential (outside its proof) makes the proof check fail."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mc_lms_bridge.verification.fetching import StaticFetcher
from mc_lms_bridge.verification.ob3 import verify_ob3

from .issuers import LOADER, NOW, TestIssuer, status_list, unsigned_credential

ISSUER = TestIssuer()
SIGNED = ISSUER.sign(unsigned_credential())
FETCHER = StaticFetcher({ISSUER.did_url: ISSUER.did_document(), **{(lst := status_list(ISSUER))["id"]: lst}})


def leaf_paths(value, path=()):
    """Every path to a string, number, boolean or null (lists and objects walked), skipping the proof."""
    if isinstance(value, dict):
        for key, item in value.items():
            if path == () and key == "proof":
                continue
            yield from leaf_paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaf_paths(item, path + (index,))
    else:
        yield path


PATHS = sorted(leaf_paths(SIGNED), key=repr)


def changed(value, choice: int):
    """A different value of the same JSON kind (or another kind for null), chosen by ``choice``."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1 + choice
    if isinstance(value, str):
        variants = [value + "x", value[:-1] if value else "x", value.upper() if value != value.upper() else value + "Y",
                    " " + value, "z" + value[1:]]
        return next(item for item in variants[choice % len(variants):] + variants if item != value)
    return "x"


def tampered(path, choice):
    document = json.loads(json.dumps(SIGNED))
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = changed(node[path[-1]], choice)
    return document


def verify(credential):
    return verify_ob3(credential, fetch=FETCHER, now=NOW, loader=LOADER)


def test_untampered_credential_verifies_and_has_many_leaves():
    assert verify(SIGNED).verified
    assert len(PATHS) > 80
    kinds = set()
    for path in PATHS:
        node = SIGNED
        for step in path:
            node = node[step]
        kinds.add(type(node))
    assert {str, bool} <= kinds and kinds & {int, float}
    assert any(len(path) >= 4 for path in PATHS)  # deeply nested values are walked too


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), choice=st.integers(min_value=0, max_value=4))
def test_changing_any_single_value_fails_the_proof(path, choice):
    document = tampered(path, choice)
    assert document != SIGNED
    report = verify(document)
    assert [check.outcome for check in report.checks_named("proof")] == ["failed"], (path, report.to_dict())
    assert not report.verified


def test_every_leaf_once():
    """Exhaustive sweep (one change per leaf) so no path is left to chance."""
    for path in PATHS:
        report = verify(tampered(path, 0))
        assert [check.outcome for check in report.checks_named("proof")] == ["failed"], path

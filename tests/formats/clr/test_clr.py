"""CLR 2.0 builder and structural checks: whole embedded credentials, associations, and what breaks the rules."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest
from verification.issuers import TestIssuer, unsigned_credential

from mc_lms_bridge.formats.clr import CLR_CONTEXT, association, build_clr_credential, validate_clr

ISSUER = TestIssuer()
NOW = datetime(2025, 7, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def component():
    return ISSUER.sign(unsigned_credential())


def clr_of(component, **overrides):
    achievement = component["credentialSubject"]["achievement"]["id"]
    values = dict(credential_id="urn:uuid:7d0e5a3c-9d1b-4c57-a1f3-2b6f7e9c0d11", issuer=component["issuer"],
                  subject_id=component["credentialSubject"]["id"], name="Data skills record",
                  credentials=[component], associations=[association(achievement, "isPartOf", achievement)],
                  valid_from=NOW)
    return build_clr_credential(**{**values, **overrides})


def test_the_record_embeds_the_credential_whole_and_lists_its_achievement(component):
    clr = clr_of(component)
    assert clr["@context"][:2] == ["https://www.w3.org/ns/credentials/v2", CLR_CONTEXT]
    assert clr["type"] == ["VerifiableCredential", "ClrCredential"]
    (embedded,) = clr["credentialSubject"]["verifiableCredential"]
    assert embedded == component and embedded is not component
    assert clr["credentialSubject"]["achievement"] == [component["credentialSubject"]["achievement"]]
    assert validate_clr(clr) == []


@pytest.mark.parametrize(("change", "path"), [
    (lambda c: c["type"].remove("ClrCredential"), "$.type"),
    (lambda c: c["@context"].remove(CLR_CONTEXT), "$.@context"),
    (lambda c: c.pop("name"), "$.name"),
    (lambda c: c.update(validFrom="yesterday"), "$.validFrom"),
    (lambda c: c["credentialSubject"].update(type=["AchievementSubject"]), "$.credentialSubject.type"),
    (lambda c: c["credentialSubject"].update(verifiableCredential=[]), "verifiableCredential"),
    (lambda c: c["credentialSubject"]["verifiableCredential"][0].pop("proof"), "must keep its proof"),
    (lambda c: c["credentialSubject"]["verifiableCredential"][0].pop("issuer"), "verifiableCredential[0]"),
    (lambda c: c["credentialSubject"]["association"][0].update(associationType="isBetterThan"), "associationType"),
    (lambda c: c["credentialSubject"]["association"][0].update(targetId="urn:uuid:unknown"), "not an achievement"),
])
def test_each_broken_rule_is_named(component, change, path):
    clr = copy.deepcopy(clr_of(component))
    change(clr)
    problems = validate_clr(clr)
    assert any(path in problem for problem in problems), problems


def test_unknown_association_types_and_empty_records_are_refused(component):
    with pytest.raises(ValueError, match="association type"):
        association("urn:a", "contains", "urn:b")
    with pytest.raises(ValueError, match="at least one"):
        clr_of(component, credentials=[])

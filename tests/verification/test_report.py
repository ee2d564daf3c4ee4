"""Check and VerificationReport: the verdict rule and the JSON form."""

from __future__ import annotations

import json

import pytest

from mc_lms_bridge.verification.report import MANDATORY_CHECKS, Check, VerificationReport


def _report(*checks, status="active"):
    return VerificationReport(checks, {"id": "urn:x"}, "data-integrity", "did:web:example.org", status)


def _all_passed():
    return [Check(name, "passed", f"{name} ok.") for name in MANDATORY_CHECKS]


def test_verified_needs_every_mandatory_check_passed():
    assert _report(*_all_passed()).verified
    for missing in MANDATORY_CHECKS:
        checks = [check for check in _all_passed() if check.name != missing]
        assert not _report(*checks).verified
        skipped = checks + [Check(missing, "skipped", "Not checked.")]
        assert not _report(*skipped).verified


def test_any_failed_check_fails_but_warnings_and_skips_do_not():
    assert not _report(*_all_passed(), Check("status", "failed", "The issuer has revoked it.")).verified
    assert _report(*_all_passed(), Check("status", "warning", "Unknown type."),
                   Check("status", "skipped", "No status.")).verified


def test_to_dict_is_json_ready_and_explains_failure():
    report = _report(*_all_passed(), Check("status", "failed", "The issuer has revoked this credential."),
                     status="revoked")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["verified"] is False and data["status"] == "revoked"
    assert "revoked" in data["summary"]
    assert data["checks"][-1] == {"name": "status", "outcome": "failed",
                                  "message": "The issuer has revoked this credential."}


def test_invalid_values_are_programmer_errors():
    with pytest.raises(ValueError):
        Check("proof", "ok", "x")
    with pytest.raises(ValueError):
        _report(status="fine")

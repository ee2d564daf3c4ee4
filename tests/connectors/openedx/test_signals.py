"""mc_lms_bridge.signals connects each receiver exactly once, whatever the number of imports."""

from __future__ import annotations

import importlib

import pytest
from openedx_events.learning import signals as learning

from mc_lms_bridge import signals
from mc_lms_bridge.connectors.openedx import receivers


def ours(signal_name):
    uid = signals.DISPATCH_UIDS[signal_name]
    return [entry for entry in getattr(learning, signal_name).receivers if entry[0][0] == uid]


@pytest.mark.parametrize("signal_name", sorted(signals.DISPATCH_UIDS))
def test_each_signal_has_exactly_one_of_our_receivers_after_repeated_imports(signal_name):
    importlib.reload(signals)
    signals.connect_openedx_receivers()
    assert len(ours(signal_name)) == 1


def test_the_right_receiver_is_connected_to_each_signal():
    expected = {
        "COURSE_PASSING_STATUS_UPDATED": receivers.course_passing_status_updated,
        "CCX_COURSE_PASSING_STATUS_UPDATED": receivers.course_passing_status_updated,
        "CERTIFICATE_CREATED": receivers.certificate_created,
        "CERTIFICATE_REVOKED": receivers.certificate_revoked,
    }
    for name, function in expected.items():
        [entry] = ours(name)
        reference = entry[1]  # (lookup key, weak reference[, is_async on Django >= 5])
        assert reference() is function, name

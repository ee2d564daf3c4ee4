"""Shared fixtures for the EDC tests: a builder shortcut over the sample records and a network guard."""

from __future__ import annotations

import json
import sys
import threading
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mc_lms_bridge.formats.edc import build_edc_credential

from ..sample_records import sample_award, sample_learner, sample_microcredential

DATA = Path(__file__).parent / "data"
NOW = datetime(2025, 7, 1, 8, 30, tzinfo=UTC)


def build(*, mc=None, award=None, learner=None, issuer=None, now=NOW, display_image_png=None, **mc_changes):
    """Build an EDC credential from the sample records, with optional replacements."""
    mc = mc or sample_microcredential()
    if mc_changes:
        mc = replace(mc, **mc_changes)
    return build_edc_credential(
        award=award or sample_award(),
        microcredential=mc,
        learner=learner or sample_learner(),
        issuer=issuer or mc.issuer,
        now=now,
        display_image_png=display_image_png,
    )


def load_json(name: str) -> dict:
    """A JSON document copied into tests/formats/edc/data/."""
    return json.loads((DATA / name).read_text("utf-8"))


class NetworkAttempts:
    """Records every socket connect / DNS lookup attempted while armed (via a Python audit hook)."""

    def __init__(self):
        self.events: list[tuple[str, tuple]] = []
        self.armed = False
        self.lock = threading.Lock()

    def hook(self, event: str, args: tuple) -> None:
        if self.armed and event in {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname"}:
            with self.lock:
                self.events.append((event, args))

    @contextmanager
    def watching(self):
        self.events.clear()
        self.armed = True
        try:
            yield self.events
        finally:
            self.armed = False


_ATTEMPTS = NetworkAttempts()
sys.addaudithook(_ATTEMPTS.hook)


@pytest.fixture
def network_attempts() -> NetworkAttempts:
    """Arm with ``with network_attempts.watching() as events:``; ``events`` lists any network attempt."""
    return _ATTEMPTS


@pytest.fixture(scope="session")
def sample_credential() -> dict:
    """The EDC credential built from the fully populated sample records."""
    return build()

"""The chosen badge design and colours appear in the served badge and the Europass certificate page."""

from __future__ import annotations

import pytest

from mc_lms_bridge.issuance.service import issue
from mc_lms_bridge.models import MicroCredential

pytestmark = pytest.mark.django_db


def test_badge_svg_uses_the_microcredential_colours(client, award):
    MicroCredential.objects.filter(pk=award.version.microcredential_id).update(
        badge_template="circle", badge_primary_colour="#7a1f5c")
    credential = issue(award.pk)[0]
    response = client.get(f"/c/{credential.pk}/badge.svg")
    assert response.status_code == 200
    assert b"#7a1f5c" in response.content.lower()

"""Instructors choose the badge design and colours of a micro-credential; images use them."""

from __future__ import annotations

import pytest

from mc_lms_bridge.models import AuditLogEntry, MicroCredential

pytestmark = pytest.mark.django_db
API = "/api/v1/micro-credentials/"


def test_choose_badge_design_and_colours(api_a, published):
    response = api_a.post(f"{API}{published}/badge/", {"template": "shield", "primary_colour": "#123456"})
    assert response.status_code == 200, response.content
    assert response.json()["badge"] == {"template": "shield", "primary_colour": "#123456",
                                        "secondary_colour": "#f2c14e"}
    style = MicroCredential.objects.get(pk=published).badge_style()
    assert (style.template, style.primary) == ("shield", "#123456")
    assert AuditLogEntry.objects.filter(action="badge_style", object_id=published).exists()


@pytest.mark.parametrize(("payload", "field"), [
    ({"template": "hexagon"}, "template"), ({"template": "ribbon", "primary_colour": "red"}, "primary_colour"),
    ({"template": "ribbon", "secondary_colour": "#12345"}, "secondary_colour"), ({}, "template"),
])
def test_bad_badge_choices_are_field_errors(api_a, published, payload, field):
    response = api_a.post(f"{API}{published}/badge/", payload)
    assert response.status_code == 400 and field in response.json()["errors"]


def test_other_organisation_cannot_restyle(api_b, published):
    assert api_b.post(f"{API}{published}/badge/", {"template": "shield"}).status_code == 404

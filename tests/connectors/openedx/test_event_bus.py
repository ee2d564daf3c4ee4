"""Events arriving from the Open edX event bus: Avro wire format, metadata headers, redeliveries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from openedx_events.data import EventsMetadata
from openedx_events.event_bus.avro.deserializer import deserialize_bytes_to_event_data
from openedx_events.event_bus.avro.serializer import serialize_event_data_to_bytes
from openedx_events.learning.signals import (
    CCX_COURSE_PASSING_STATUS_UPDATED,
    CERTIFICATE_CREATED,
    COURSE_PASSING_STATUS_UPDATED,
)

from mc_lms_bridge.models import CompletionEvent

from . import events
from .events import COURSE_ID

pytestmark = pytest.mark.django_db
SENT_AT = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def over_the_wire(signal, data_name, data):
    """What a producer puts on the bus and a consumer gets back: Avro bytes plus metadata as JSON headers."""
    metadata = signal.generate_signal_metadata(time=SENT_AT)
    wire_bytes = serialize_event_data_to_bytes({data_name: data}, signal)
    wire_headers = metadata.to_json()

    def consume():
        received = deserialize_bytes_to_event_data(wire_bytes, signal)
        signal.send_event_with_custom_metadata(EventsMetadata.from_json(wire_headers), **received)
    return metadata, consume


@pytest.mark.parametrize(("signal", "data_name", "make", "kind"), [
    (COURSE_PASSING_STATUS_UPDATED, "course_passing_status", lambda: events.passing(True), "passed"),
    (CCX_COURSE_PASSING_STATUS_UPDATED, "course_passing_status", lambda: events.ccx_passing(False), "failed"),
    (CERTIFICATE_CREATED, "certificate", lambda: events.certificate(grade="0.75"), "certificate_created"),
])
def test_consumed_event_is_recorded_once_however_often_it_is_redelivered(signal, data_name, make, kind):
    metadata, consume = over_the_wire(signal, data_name, make())
    consume()
    consume()  # at-least-once delivery: the same message again
    consume()  # and a replay from an earlier offset

    rows = list(CompletionEvent.objects.all())
    assert len(rows) == 1
    event = rows[0]
    assert (event.source_event_id, event.kind, event.course_id, event.user_id) == (
        str(metadata.id), kind, COURSE_ID, "42")
    assert event.occurred_at == SENT_AT
    assert event.raw["from_event_bus"] is True
    assert event.learner_data["email"] == "ada@example.org"


def test_event_seen_in_process_and_then_from_the_bus_is_one_row():
    # The producing LMS handles the signal in-process; a consumer of the same LMS may receive it again.
    signal, data = COURSE_PASSING_STATUS_UPDATED, events.passing(True)
    metadata = signal.generate_signal_metadata(time=SENT_AT)
    signal._send_event_with_metadata(metadata=metadata, course_passing_status=data)  # what send_event does
    received = deserialize_bytes_to_event_data(serialize_event_data_to_bytes(
        {"course_passing_status": data}, signal), signal)
    signal.send_event_with_custom_metadata(EventsMetadata.from_json(metadata.to_json()), **received)

    event = CompletionEvent.objects.get()
    assert event.raw["from_event_bus"] is False, "the first delivery is the one kept"


def test_certificate_grade_survives_the_wire():
    _metadata, consume = over_the_wire(CERTIFICATE_CREATED, "certificate", events.certificate(grade="0.9"))
    consume()
    assert str(CompletionEvent.objects.get().grade) == "0.900000"

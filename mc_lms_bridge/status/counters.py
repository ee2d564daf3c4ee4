"""Allocation counters of status lists: a PostgreSQL sequence (no row lock, never reused), else a locked row.

A sequence hands out each number once even when the transaction that asked for it rolls back, which is exactly
the rule for status list indexes (never reuse one), and it does not serialize concurrent issuances.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import F

from ..models import StatusList


def uses_sequences() -> bool:
    return connection.vendor == "postgresql"


def create_counter(status_list: StatusList) -> None:
    if uses_sequences():
        with connection.cursor() as cursor:
            name = connection.ops.quote_name(status_list.counter_sequence)
            cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {name} MINVALUE 0 START 0")


def next_counter(status_list: StatusList) -> int:
    """The next 0-based allocation number of the list (may be >= size: the caller then opens a new list)."""
    if uses_sequences():
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [status_list.counter_sequence])
            return cursor.fetchone()[0]
    locked = StatusList.objects.select_for_update().get(pk=status_list.pk)
    StatusList.objects.filter(pk=locked.pk).update(allocated=F("allocated") + 1)
    return locked.allocated


def allocated_count(status_list: StatusList) -> int:
    """How many numbers the list has handed out."""
    if not uses_sequences():
        return StatusList.objects.get(pk=status_list.pk).allocated
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM pg_sequences WHERE sequencename = %s", [status_list.counter_sequence])
        row = cursor.fetchone()
    last_value = row[0] if row else None  # NULL until the first nextval
    return 0 if last_value is None else min(last_value + 1, status_list.size)

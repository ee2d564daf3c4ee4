"""Status list indexes: never reused (even after a rollback), spread, and a full list rolls over to a new one."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from mc_lms_bridge.models import StatusList
from mc_lms_bridge.status.counters import allocated_count, uses_sequences
from mc_lms_bridge.status.service import allocate_entry

pytestmark = pytest.mark.django_db


def test_rolled_back_allocation_is_not_reused(org_a):
    first_list, first = allocate_entry(org_a)
    try:
        with transaction.atomic():
            _, burned = allocate_entry(org_a)
            raise RuntimeError("issuance failed")
    except RuntimeError:
        pass
    _, third = allocate_entry(org_a)
    if uses_sequences():
        assert len({first, burned, third}) == 3
        assert allocated_count(first_list) == 3
    else:  # without sequences the row counter rolls back with the transaction, and so does the index
        assert third == burned and first != third


def test_full_list_rolls_over_to_a_new_list(org_a):
    status_list, _ = allocate_entry(org_a)
    if uses_sequences():
        with connection.cursor() as cursor:
            cursor.execute(f'ALTER SEQUENCE "{status_list.counter_sequence}" RESTART WITH {status_list.size - 1}')
    else:
        StatusList.objects.filter(pk=status_list.pk).update(allocated=status_list.size - 1)
    last_list, _ = allocate_entry(org_a)
    next_list, _ = allocate_entry(org_a)
    assert last_list.pk == status_list.pk
    assert next_list.pk != status_list.pk and next_list.sequence == status_list.sequence + 1
    assert StatusList.objects.get(pk=status_list.pk).full

"""Queue a task after commit without ever failing the caller: work already stored is picked up by reconciliation."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def safe_delay(task_name: str, *args) -> bool:
    """``tasks.<task_name>.delay(*args)``; False (and a warning) when the broker cannot be reached."""
    from .. import tasks

    try:
        getattr(tasks, task_name).delay(*args)
        return True
    except Exception as exc:  # noqa: BLE001 - kombu/redis/amqp errors differ by transport
        logger.warning("Could not queue %s%s (%s); reconciliation will retry.", task_name, args, type(exc).__name__)
        return False

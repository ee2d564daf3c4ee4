"""Integration fixtures: a private Redis broker for this process's Celery app and the workers it starts."""

from __future__ import annotations

import pytest

from mc_lms_bridge.service.celery import app as celery_app

from .workers import RedisBroker, use_broker


@pytest.fixture
def broker(tmp_path):
    redis = RedisBroker(tmp_path)
    redis.start()
    previous = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    use_broker(celery_app, redis.url, eager=False)
    yield redis
    redis.stop()
    use_broker(celery_app, previous[0], eager=previous[1])

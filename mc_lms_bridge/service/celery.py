"""Celery application of the standalone service (Open edX uses the platform's own Celery app)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc_lms_bridge.service.settings")

app = Celery("mc_lms_bridge")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["mc_lms_bridge"])

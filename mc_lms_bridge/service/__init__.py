"""Standalone Django project for deployments outside Open edX (and for the demo)."""

from .celery import app as celery_app

__all__ = ["celery_app"]

"""Standalone Django project for deployments outside Open edX (and for the demo)."""

"""WSGI entry point of the standalone service."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc_lms_bridge.service.settings")
application = get_wsgi_application()

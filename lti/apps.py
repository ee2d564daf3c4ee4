"""AppConfig of the LTI 1.3 tool."""

from django.apps import AppConfig


class LtiToolConfig(AppConfig):
    name = "lti"
    label = "lti"
    verbose_name = "LTI 1.3 tool"
    default_auto_field = "django.db.models.BigAutoField"

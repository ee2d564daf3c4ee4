"""Django AppConfig of mc-lms-bridge, including the Open edX plugin_app configuration."""

from django.apps import AppConfig


class McLmsBridgeConfig(AppConfig):
    """The mc-lms-bridge Django app; also an Open edX LMS/CMS plugin through ``plugin_app``."""

    name = "mc_lms_bridge"
    label = "mc_lms_bridge"
    verbose_name = "EU micro-credentials (mc-lms-bridge)"
    default_auto_field = "django.db.models.BigAutoField"

    # Read by edx-django-utils' plugin machinery when installed through the lms.djangoapp /
    # cms.djangoapp entry points; harmless elsewhere.
    plugin_app = {
        "url_config": {
            "lms.djangoapp": {"namespace": "mc_lms_bridge", "regex": r"^mc-bridge/", "relative_path": "urls"},
            "cms.djangoapp": {"namespace": "mc_lms_bridge", "regex": r"^mc-bridge/", "relative_path": "urls"},
        },
        "settings_config": {
            "lms.djangoapp": {
                "common": {"relative_path": "openedx_settings.common"},
                "production": {"relative_path": "openedx_settings.production"},
            },
            "cms.djangoapp": {
                "common": {"relative_path": "openedx_settings.common"},
                "production": {"relative_path": "openedx_settings.production"},
            },
        },
    }

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers system checks)
            signals,  # noqa: F401  (connects the Open edX receivers when openedx-events is installed)
        )

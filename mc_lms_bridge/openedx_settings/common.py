"""Open edX common settings for the plugin: defaults merged under any MC_LMS_BRIDGE the platform sets."""


def plugin_settings(settings):
    """Give the platform a MC_LMS_BRIDGE dict; platform-provided values win."""
    configured = getattr(settings, "MC_LMS_BRIDGE", {}) or {}
    settings.MC_LMS_BRIDGE = {**configured}

"""Open edX production settings for the plugin: read MC_LMS_BRIDGE from the platform's YAML (ENV_TOKENS)."""


def plugin_settings(settings):
    """Merge ``MC_LMS_BRIDGE`` from the platform's environment tokens over the common values."""
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    settings.MC_LMS_BRIDGE = {**(getattr(settings, "MC_LMS_BRIDGE", {}) or {}), **env_tokens.get("MC_LMS_BRIDGE", {})}

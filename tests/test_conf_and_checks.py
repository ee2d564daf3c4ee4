"""The settings object reads lazily, reloads on change, resolves plug-ins; system checks have stable ids."""

from __future__ import annotations

import pytest

from mc_lms_bridge.checks import check_settings
from mc_lms_bridge.conf import ImproperlyConfiguredPlugin, app_settings


def ids(errors):
    return sorted(error.id for error in errors)


def test_defaults_and_overrides_follow_setting_changes(settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "API_PAGE_SIZE": 7}
    assert app_settings.API_PAGE_SIZE == 7
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "API_PAGE_SIZE": 9}
    assert app_settings.API_PAGE_SIZE == 9


def test_unknown_setting_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="NOPE"):
        app_settings.NOPE  # noqa: B018


def test_dotted_paths_are_imported_lazily(settings):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "CONNECTORS": ["mc_lms_bridge.conf.AppSettings"]}
    from mc_lms_bridge.conf import AppSettings

    assert app_settings.CONNECTORS == [AppSettings]
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, "CONNECTORS": ["mc_lms_bridge.nothing.Here"]}
    with pytest.raises(ImproperlyConfiguredPlugin, match="CONNECTORS"):
        app_settings.CONNECTORS  # noqa: B018


def test_valid_configuration_passes_checks():
    assert [e for e in check_settings() if e.level >= 40] == []


@pytest.mark.parametrize(("override", "error_id"), [
    ({"UNKNOWN_KEY": 1}, "mc_lms_bridge.E001"),
    ({"KEY_ENCRYPTION_SECRET": None}, "mc_lms_bridge.E002"),
    ({"KEY_ENCRYPTION_SECRET": "short"}, "mc_lms_bridge.E002"),
    ({"BASE_URL": "ftp://x"}, "mc_lms_bridge.E003"),
    ({"BASE_URL": "https://x.example/sub?q=1"}, "mc_lms_bridge.E003"),
    ({"IDENTITY_HASH_SALT": ""}, "mc_lms_bridge.E004"),
    ({"DELIVERY_CHANNELS": ["no.such.Channel"]}, "mc_lms_bridge.E005"),
    ({"MAX_REQUEST_BYTES": 10}, "mc_lms_bridge.E006"),
    ({"BASE_URL": "http://credentials.example"}, "mc_lms_bridge.W001"),
])
def test_each_misconfiguration_has_its_stable_id(settings, override, error_id):
    settings.MC_LMS_BRIDGE = {**settings.MC_LMS_BRIDGE, **override}
    assert ids(check_settings()) == [error_id]

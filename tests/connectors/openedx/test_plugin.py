"""The app as an Open edX plugin: entry points, edx-django-utils app/URL/settings discovery and hooks."""

from __future__ import annotations

import sys
import types
from importlib.metadata import entry_points

import pytest
from django.urls import resolve, reverse
from edx_django_utils.plugins import add_plugins, get_plugin_apps, get_plugin_url_patterns

from mc_lms_bridge.apps import McLmsBridgeConfig

PROJECT_TYPES = ["lms.djangoapp", "cms.djangoapp"]


@pytest.fixture
def platform_url_settings(settings):
    """Settings edx-platform defines before building its URLconf; other installed plugins (lti-consumer-xblock)
    read USAGE_ID_PATTERN when the plugin machinery imports their URL modules next to ours."""
    settings.USAGE_ID_PATTERN = r"(?P<usage_id>(?:i4x://?[^/]+/[^/]+/[^/]+/[^@]+(?:@[^/]+)?)|(?:[^/]+))"
    return settings


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_installed_distribution_registers_the_app_config(project_type):
    [entry_point] = [ep for ep in entry_points(group=project_type) if ep.name == "mc_lms_bridge"]
    assert entry_point.value == "mc_lms_bridge.apps:McLmsBridgeConfig"
    assert entry_point.dist.metadata["Name"] == "mc-lms-bridge"
    assert entry_point.load() is McLmsBridgeConfig


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_plugin_machinery_adds_the_app_to_installed_apps(project_type):
    assert "mc_lms_bridge.apps.McLmsBridgeConfig" in get_plugin_apps(project_type)


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_plugin_machinery_mounts_the_urls_under_mc_bridge(project_type, platform_url_settings):
    [pattern] = [p for p in get_plugin_url_patterns(project_type) if p.namespace == "mc_lms_bridge"]
    assert pattern.pattern.regex.pattern == "^mc-bridge/"
    assert pattern.app_name == "mc_lms_bridge"


@pytest.mark.urls("tests.connectors.openedx.plugin_urls")
def test_plugin_urls_resolve_inside_a_platform_urlconf(platform_url_settings):
    url = reverse("mc_lms_bridge:org-did", kwargs={"slug": "univ-a"})
    assert url == "/mc-bridge/orgs/univ-a/did.json"
    match = resolve(url)
    assert (match.namespace, match.url_name, match.kwargs) == ("mc_lms_bridge", "org-did", {"slug": "univ-a"})


@pytest.fixture
def platform_settings(monkeypatch):
    """A settings module like lms/envs/production.py, with the platform's own MC_LMS_BRIDGE and YAML tokens."""
    module = types.ModuleType("fake_lms_envs_production")
    module.MC_LMS_BRIDGE = {"BASE_URL": "https://credentials.example.eu", "ISSUE_EDC": True}
    module.ENV_TOKENS = {"MC_LMS_BRIDGE": {"ISSUE_EDC": False, "OPENEDX_PLATFORM_INSTANCE": "campus-lms"}}
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return module


@pytest.mark.parametrize("project_type", PROJECT_TYPES)
def test_settings_hooks_run_through_add_plugins(project_type, platform_settings):
    add_plugins(platform_settings.__name__, project_type, "common")
    assert platform_settings.MC_LMS_BRIDGE == {"BASE_URL": "https://credentials.example.eu", "ISSUE_EDC": True}

    add_plugins(platform_settings.__name__, project_type, "production")
    assert platform_settings.MC_LMS_BRIDGE == {
        "BASE_URL": "https://credentials.example.eu", "ISSUE_EDC": False, "OPENEDX_PLATFORM_INSTANCE": "campus-lms"}


def test_common_hook_gives_a_platform_without_the_setting_an_empty_dict(monkeypatch):
    module = types.ModuleType("fake_lms_envs_common")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    add_plugins(module.__name__, "lms.djangoapp", "common")
    assert module.MC_LMS_BRIDGE == {}

"""A URLconf built the way edx-platform's lms/urls.py builds it: from the plugin machinery only."""

from edx_django_utils.plugins import get_plugin_url_patterns

urlpatterns = get_plugin_url_patterns("lms.djangoapp")

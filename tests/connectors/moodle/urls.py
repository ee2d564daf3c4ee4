"""Test URLconf: the Moodle webhook at the path proposed for mc_lms_bridge/urls.py."""

from django.urls import path

from mc_lms_bridge.connectors.moodle.views import MoodleWebhookView

urlpatterns = [path("connectors/moodle/webhook/", MoodleWebhookView.as_view(), name="moodle-webhook")]

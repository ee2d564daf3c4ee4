"""URLs of the mc-lms-bridge app (mounted at the root of the standalone service, or by the Open edX plugin)."""

from django.urls import include, path

app_name = "mc_lms_bridge"

urlpatterns = [
    path("api/", include("mc_lms_bridge.api.urls")),
]

"""URL configuration of the standalone service: the admin plus the app's own URLs."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("lti/", include("lti.urls")),
    path("", include("mc_lms_bridge.urls")),
]

"""URLs of the mc-lms-bridge app (mounted at the root of the standalone service, or by the Open edX plugin)."""

from django.urls import include, path

from .connectors.moodle.views import MoodleWebhookView
from .views import issuer_documents

app_name = "mc_lms_bridge"

urlpatterns = [
    path("api/", include("mc_lms_bridge.api.urls")),
    path(".well-known/did.json", issuer_documents.host_did_document, name="host-did"),
    path("did.json", issuer_documents.host_did_document, name="service-did"),
    path("orgs/<slug:slug>/did.json", issuer_documents.organisation_did_document, name="org-did"),
    path("orgs/<slug:slug>/profile.json", issuer_documents.issuer_profile, name="org-profile"),
    path("orgs/<slug:slug>/achievements/<slug:mc_slug>/v<int:version>", issuer_documents.achievement,
         name="achievement"),
    path("orgs/<slug:slug>/status/<str:purpose>/<int:sequence>", issuer_documents.status_list, name="status-list"),
    path("connectors/moodle/webhook/", MoodleWebhookView.as_view(), name="moodle-webhook"),
    path("", include("mc_lms_bridge.pathways.urls")),
    path("", include("mc_lms_bridge.oid4vci.urls")),
    path("", include("mc_lms_bridge.web.urls")),
]

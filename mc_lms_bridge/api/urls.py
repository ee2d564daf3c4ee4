"""URL routes of the REST API (version 1) and its OpenAPI schema."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from .views.completions import CompletionBatchView, CompletionDetailView, CompletionListView
from .views.course_tags import CourseTagViewSet
from .views.credentials import IssuedCredentialViewSet
from .views.microcredentials import MicroCredentialViewSet
from .views.organisations import OrganisationViewSet
from .views.verify import VerifyView
from .views.vocabularies import VocabularyDetailView, VocabularyListView

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("micro-credentials", MicroCredentialViewSet, basename="microcredential")
router.register("course-tags", CourseTagViewSet, basename="coursetag")
router.register("credentials", IssuedCredentialViewSet, basename="credential")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/vocabularies/", VocabularyListView.as_view(), name="vocabulary-list"),
    path("v1/vocabularies/<slug:name>/", VocabularyDetailView.as_view(), name="vocabulary-detail"),
    path("v1/verify/", VerifyView.as_view(), name="verify"),
    path("v1/completions/", CompletionListView.as_view(), name="completion-list"),
    path("v1/completions/batch/", CompletionBatchView.as_view(), name="completion-batch"),
    path("v1/completions/<uuid:pk>/", CompletionDetailView.as_view(), name="completion-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]

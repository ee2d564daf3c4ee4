"""URLs of the pathways package: pathway, progress and recognition API routes, and the public catalogue export."""

from django.urls import path

from . import catalogue_views, views

urlpatterns = [
    path("api/v1/pathways/", views.PathwayListView.as_view(), name="pathway-list"),
    path("api/v1/pathways/<uuid:pk>/", views.PathwayDetailView.as_view(), name="pathway-detail"),
    path("api/v1/pathways/<uuid:pk>/progress/", views.PathwayProgressView.as_view(), name="pathway-progress"),
    path("api/v1/recognition-rules/", views.RecognitionRuleListView.as_view(), name="recognition-rule-list"),
    path("api/v1/recognitions/", views.RecognitionListView.as_view(), name="recognition-list"),
    path("api/v1/recognitions/<uuid:pk>/review/", views.RecognitionReviewView.as_view(),
         name="recognition-review"),
    path("catalogue.json", catalogue_views.catalogue_json, name="catalogue-json"),
    path("catalogue.jsonld", catalogue_views.catalogue_jsonld, name="catalogue-jsonld"),
]

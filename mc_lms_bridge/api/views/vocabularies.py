"""Vocabularies endpoint: the EU controlled vocabularies with codes, labels and official URIs (public)."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, views
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from ... import vocab
from .base import ApiViewMixin


class VocabularyListView(ApiViewMixin, views.APIView):
    """Names and scheme URIs of every vocabulary."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(operation_id="vocabularies_list", responses={200: dict})
    def get(self, request):
        return Response([{"name": name, "scheme_uri": vocab.get(name).scheme_uri} for name in vocab.NAMES])


class VocabularyDetailView(ApiViewMixin, views.APIView):
    """Every concept of one vocabulary: code, official URI, labels."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(operation_id="vocabularies_retrieve", responses={200: dict})
    def get(self, request, name: str):
        if name not in vocab.NAMES:
            raise NotFound(f"No vocabulary named {name!r}; known: {', '.join(vocab.NAMES)}.")
        vocabulary = vocab.get(name)
        return Response({"name": name, "scheme_uri": vocabulary.scheme_uri, "concepts": [
            {"code": c.code, "uri": c.uri, "labels": dict(c.labels)} for c in vocabulary]})

"""Issued credentials endpoint: list the organisation's credentials; revoke, suspend, unsuspend with a reason."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ...audit import Actor
from ...models import IssuedCredential
from ...status.service import StatusChangeRefused, change_status
from ..permissions import CatalogueAccess, visible_organisations
from .base import ApiViewMixin


class IssuedCredentialSerializer(serializers.ModelSerializer):
    microcredential = serializers.CharField(source="award.version.microcredential_id", read_only=True)
    version = serializers.IntegerField(source="award.version.version", read_only=True)
    learner = serializers.CharField(source="award.learner_id", read_only=True)

    class Meta:
        model = IssuedCredential
        fields = ["id", "credential_id", "format", "state", "issued_at", "microcredential", "version", "learner",
                  "status_index"]
        read_only_fields = fields


class StatusChangeSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class IssuedCredentialViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Credentials issued by the caller's organisation(s)."""

    serializer_class = IssuedCredentialSerializer
    permission_classes = [CatalogueAccess]
    required_scopes = {"list": "credentials:read", "retrieve": "credentials:read",
                       "revoke": "credentials:status", "suspend": "credentials:status",
                       "unsuspend": "credentials:status"}

    def get_queryset(self):
        return (IssuedCredential.objects
                .filter(award__version__microcredential__organisation__in=visible_organisations(self.request))
                .select_related("award__version").order_by("-issued_at", "format"))

    def _change(self, request, pk, change):
        credential = get_object_or_404(self.get_queryset(), pk=pk)
        body = StatusChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            change_status(credential, change, actor=Actor.from_request(request), reason=body.validated_data["reason"])
        except StatusChangeRefused as exc:
            raise serializers.ValidationError({"non_field_errors": [str(exc)]})
        credential.refresh_from_db()
        return Response(IssuedCredentialSerializer(credential).data)

    @extend_schema(request=StatusChangeSerializer, responses={200: IssuedCredentialSerializer})
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        """Revoke permanently (every format of the award); the status list bit is set."""
        return self._change(request, pk, "revoke")

    @extend_schema(request=StatusChangeSerializer, responses={200: IssuedCredentialSerializer})
    @action(detail=True, methods=["post"])
    def suspend(self, request, pk=None):
        """Suspend (reversible), when the credential's status entry is a suspension list."""
        return self._change(request, pk, "suspend")

    @extend_schema(request=StatusChangeSerializer, responses={200: IssuedCredentialSerializer})
    @action(detail=True, methods=["post"])
    def unsuspend(self, request, pk=None):
        """Lift a suspension."""
        return self._change(request, pk, "unsuspend")

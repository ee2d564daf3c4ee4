"""Micro-credentials endpoint: create, edit the draft, submit, withdraw, publish, retire, list versions."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ...audit import Actor, record
from ...catalogue import lifecycle
from ...models import MicroCredential
from ..permissions import CatalogueAccess, is_staff_session, token_of, visible_organisations
from ..serializers.microcredential import (
    BadgeStyleSerializer,
    MicroCredentialCreateSerializer,
    MicroCredentialSerializer,
    ReasonSerializer,
    VersionContentSerializer,
    VersionSerializer,
)
from .base import ApiViewMixin


class MicroCredentialViewSet(ApiViewMixin, viewsets.GenericViewSet):
    """The catalogue of the caller's organisation(s). Published versions never change: edits make a new one."""

    serializer_class = MicroCredentialSerializer
    permission_classes = [CatalogueAccess]
    required_scopes = {
        "badge": "catalogue:write", "submit": "catalogue:write", "withdraw": "catalogue:publish",
        "publish": "catalogue:publish", "retire": "catalogue:publish",
    }

    def get_queryset(self):
        return (MicroCredential.objects.filter(organisation__in=visible_organisations(self.request))
                .select_related("organisation").order_by("organisation__slug", "slug"))

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(MicroCredentialSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(MicroCredentialSerializer(self.get_object()).data)

    @extend_schema(request=MicroCredentialCreateSerializer, responses={201: MicroCredentialSerializer})
    def create(self, request):
        serializer = MicroCredentialCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        content, outcomes, bodies = serializer.split()
        slug = content.pop("slug")
        organisation = self._owning_organisation(content.pop("organisation", None))
        if MicroCredential.objects.filter(organisation=organisation, slug=slug).exists():
            raise serializers.ValidationError(
                {"slug": [f"{organisation.slug} already has a micro-credential {slug!r}."]})
        version = lifecycle.create_microcredential(
            organisation=organisation, slug=slug, content=content, outcomes=outcomes or [],
            awarding_bodies=bodies, actor=Actor.from_request(request))
        return Response(MicroCredentialSerializer(version.microcredential).data, status=status.HTTP_201_CREATED)

    def _owning_organisation(self, requested):
        token = token_of(self.request)
        if token is not None:
            if requested is not None and requested.pk != token.organisation_id:
                raise serializers.ValidationError(
                    {"organisation": ["An API token can only create micro-credentials for its own organisation."]})
            return token.organisation
        if requested is None and is_staff_session(self.request):
            raise serializers.ValidationError({"organisation": ["Name the owning organisation (its slug)."]})
        return requested

    @extend_schema(request=VersionContentSerializer, responses={200: MicroCredentialSerializer})
    def partial_update(self, request, pk=None):
        microcredential = self.get_object()
        serializer = VersionContentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        content, outcomes, bodies = serializer.split()
        lifecycle.edit(microcredential, content=content, outcomes=outcomes, awarding_bodies=bodies,
                       actor=Actor.from_request(request))
        return Response(MicroCredentialSerializer(microcredential).data)

    def _transition(self, request, pk, service):
        microcredential = self.get_object()
        reason = ReasonSerializer(data=request.data or {})
        reason.is_valid(raise_exception=True)
        kwargs = {"actor": Actor.from_request(request)}
        if service in (lifecycle.withdraw, lifecycle.retire):
            kwargs["reason"] = reason.validated_data.get("reason", "")
        service(microcredential, **kwargs)
        return Response(MicroCredentialSerializer(microcredential).data)

    @extend_schema(request=None, responses={200: MicroCredentialSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Send the draft to review; refused with every missing element named."""
        return self._transition(request, pk, lifecycle.submit_for_review)

    @extend_schema(request=ReasonSerializer, responses={200: MicroCredentialSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Send the version in review back to draft."""
        return self._transition(request, pk, lifecycle.withdraw)

    @extend_schema(request=None, responses={200: MicroCredentialSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish the version in review; it becomes immutable and awardable."""
        return self._transition(request, pk, lifecycle.publish)

    @extend_schema(request=ReasonSerializer, responses={200: MicroCredentialSerializer})
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None):
        """Stop awarding the published version; issued credentials stay valid."""
        return self._transition(request, pk, lifecycle.retire)

    @extend_schema(request=BadgeStyleSerializer, responses={200: MicroCredentialSerializer})
    @action(detail=True, methods=["post"])
    def badge(self, request, pk=None):
        """Choose the badge design and colours (applies to badge images and certificate pages issued from now)."""
        microcredential = self.get_object()
        body = BadgeStyleSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        microcredential.badge_template = data["template"]
        microcredential.badge_primary_colour = data.get("primary_colour", microcredential.badge_primary_colour)
        microcredential.badge_secondary_colour = data.get("secondary_colour", microcredential.badge_secondary_colour)
        microcredential.save(update_fields=["badge_template", "badge_primary_colour", "badge_secondary_colour"])
        record(Actor.from_request(request), "badge_style", microcredential, changes={k: v for k, v in data.items()})
        return Response(MicroCredentialSerializer(microcredential).data)

    @extend_schema(responses={200: VersionSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def versions(self, request, pk=None):
        """Every version, newest first."""
        versions = self.get_object().versions.order_by("-version").prefetch_related(
            "awarding_bodies", "learning_outcomes")
        return Response(VersionSerializer(versions, many=True).data)

    @extend_schema(responses={200: VersionSerializer})
    @action(detail=True, methods=["get"], url_path=r"versions/(?P<number>[0-9]{1,6})")
    def version(self, request, pk=None, number=None):
        """One version by number."""
        version = get_object_or_404(self.get_object().versions, version=int(number))
        return Response(VersionSerializer(version).data)

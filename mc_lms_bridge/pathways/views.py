"""REST API of pathways (catalogue scopes), learner progress, recognition rules and recognitions."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status, views
from rest_framework.response import Response

from ..api.pagination import Pagination
from ..api.permissions import CatalogueAccess, is_staff_session, token_of, visible_organisations
from ..api.views.base import ApiViewMixin
from ..models import CompletionEvent, Learner, MicroCredential, Pathway, Recognition, RecognitionRule
from .definition import save_pathway
from .progress import learner_progress
from .recognition import ReviewRefused, review_recognition, submit_recognition
from .serializers import (
    PathwaySerializer,
    PathwayWriteSerializer,
    RecognitionRuleSerializer,
    RecognitionSerializer,
    RecognitionSubmitSerializer,
    ReviewSerializer,
)


def invalid(errors: dict, detail: str = "Some fields are invalid.") -> Response:
    return Response({"detail": detail, "code": "invalid", "errors": errors}, status=status.HTTP_400_BAD_REQUEST)


class ScopedView(ApiViewMixin, views.APIView):
    """Catalogue scopes by HTTP method (GET catalogue:read, writes catalogue:write) unless ``required_scopes``."""

    permission_classes = [CatalogueAccess]
    required_scopes: dict = {}

    def initial(self, request, *args, **kwargs):
        self.action = request.method.lower()
        super().initial(request, *args, **kwargs)

    def organisation(self):
        token = token_of(self.request)
        if token is not None:
            return token.organisation
        slug = self.request.query_params.get("organisation") or self.request.data.get("organisation")
        if not slug:
            raise serializers.ValidationError({"organisation": ["Name the organisation (its slug)."]})
        return get_object_or_404(visible_organisations(self.request), slug=slug)


def _apply(pathway: Pathway, data: dict, organisation) -> Response | None:
    for field in ("slug", "title", "description", "rule", "revocation_policy", "active"):
        if field in data:
            setattr(pathway, field, data[field])
    if "microcredential" in data:
        mc = data["microcredential"]
        if mc is not None and not MicroCredential.objects.filter(pk=mc, organisation=organisation).exists():
            return invalid({"microcredential": ["No micro-credential of this organisation has this id."]})
        pathway.microcredential_id = mc
    try:
        save_pathway(pathway)
    except DjangoValidationError as exc:
        return invalid(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})
    return None


class PathwayListView(ScopedView):
    """List the organisation's pathways; create one (rule checked, cycles refused with the cycle named)."""

    def get(self, request):
        pathways = (Pathway.objects.filter(organisation__in=visible_organisations(request))
                    .select_related("organisation").prefetch_related("components").order_by("slug"))
        paginator = Pagination()
        page = paginator.paginate_queryset(pathways, request, view=self)
        return paginator.get_paginated_response(PathwaySerializer(page, many=True).data)

    def post(self, request):
        body = PathwayWriteSerializer(data=request.data)
        if not body.is_valid():
            return invalid(body.errors)
        organisation = self.organisation()
        pathway = Pathway(organisation=organisation)
        problem = _apply(pathway, body.validated_data, organisation)
        return problem or Response(PathwaySerializer(pathway).data, status=status.HTTP_201_CREATED)


class PathwayDetailView(ScopedView):
    """Read or change one pathway (PATCH: any subset of the writable fields)."""

    def get_object(self, pk) -> Pathway:
        return get_object_or_404(Pathway.objects.filter(organisation__in=visible_organisations(self.request)), pk=pk)

    def get(self, request, pk):
        return Response(PathwaySerializer(self.get_object(pk)).data)

    def patch(self, request, pk):
        pathway = self.get_object(pk)
        body = PathwayWriteSerializer(data=request.data, partial=True)
        if not body.is_valid():
            return invalid(body.errors)
        problem = _apply(pathway, body.validated_data, pathway.organisation)
        return problem or Response(PathwaySerializer(pathway).data)


def learner_of(organisation, learner_id) -> Learner:
    """A learner the organisation knows (an award, a completion in its courses or a recognition), else 404."""
    known = (Q(awards__version__microcredential__organisation=organisation)
             | Q(recognitions__organisation=organisation)
             | Q(pk__in=CompletionEvent.objects.filter(
                 award__version__microcredential__organisation=organisation).values("learner_id")))
    return get_object_or_404(Learner.objects.filter(known).distinct(), pk=learner_id)


class PathwayProgressView(ScopedView):
    """``?learner=<id>``: what is done, what is missing and the next step (scope credentials:read)."""

    required_scopes = {"get": "credentials:read"}

    def get(self, request, pk):
        pathway = get_object_or_404(Pathway.objects.filter(organisation__in=visible_organisations(request)), pk=pk)
        try:
            learner = learner_of(pathway.organisation, request.query_params.get("learner", ""))
        except DjangoValidationError:
            return invalid({"learner": ["Give the learner's id (a UUID)."]})
        return Response(learner_progress(pathway, learner))


class RecognitionRuleListView(ScopedView):
    """The organisation's recognition rules (trusted issuers, achievement/alignment match, minimum ECTS/EQF)."""

    required_scopes = {"post": "catalogue:publish"}

    def get(self, request):
        rules = RecognitionRule.objects.filter(organisation__in=visible_organisations(request)).order_by("pk")
        return Response(RecognitionRuleSerializer(rules, many=True).data)

    def post(self, request):
        body = RecognitionRuleSerializer(data=request.data)
        if not body.is_valid():
            return invalid(body.errors)
        rule = body.save(organisation=self.organisation())
        return Response(RecognitionRuleSerializer(rule).data, status=status.HTTP_201_CREATED)


class RecognitionListView(ScopedView):
    """Submit another institution's OB3 credential for a learner (verified, decided, stored); list decisions."""

    required_scopes = {"get": "credentials:read", "post": "catalogue:write"}

    def get(self, request):
        found = Recognition.objects.filter(organisation__in=visible_organisations(request))
        if request.query_params.get("learner"):
            found = found.filter(learner_id=request.query_params["learner"])
        paginator = Pagination()
        page = paginator.paginate_queryset(found.order_by("-created_at"), request, view=self)
        return paginator.get_paginated_response(RecognitionSerializer(page, many=True).data)

    def post(self, request):
        body = RecognitionSubmitSerializer(data=request.data)
        if not body.is_valid():
            return invalid(body.errors)
        learner = Learner.objects.filter(pk=body.validated_data["learner"]).first()
        if learner is None:
            return invalid({"learner": ["No learner has this id."]})
        recognition = submit_recognition(organisation=self.organisation(), learner=learner,
                                         credential=body.validated_data["credential"])
        return Response(RecognitionSerializer(recognition).data, status=status.HTTP_201_CREATED)


class RecognitionReviewView(ScopedView):
    """An admin's review of one decision (scope catalogue:publish or a staff session)."""

    required_scopes = {"post": "catalogue:publish"}

    def post(self, request, pk):
        recognition = get_object_or_404(
            Recognition.objects.filter(organisation__in=visible_organisations(request)), pk=pk)
        body = ReviewSerializer(data=request.data)
        if not body.is_valid():
            return invalid(body.errors)
        reviewer = request.user if is_staff_session(request) else None
        try:
            review_recognition(recognition, reviewer=reviewer, **body.validated_data)
        except ReviewRefused as exc:
            return invalid({"decision": [str(exc)]}, detail=str(exc))
        return Response(RecognitionSerializer(recognition).data)

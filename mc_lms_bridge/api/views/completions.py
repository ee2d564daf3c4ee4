"""Completions endpoint: POST a completion with an Idempotency-Key; GET its processing state."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, views
from rest_framework.response import Response

from ... import identity
from ...connectors.api import (
    IDEMPOTENCY_HEADER,
    IDEMPOTENCY_KEY_RE,
    IDEMPOTENCY_KEY_RULE,
    ApiCompletionBatchSerializer,
    ApiCompletionSerializer,
    normalize,
)
from ...models import CompletionEvent, CredentialFormat, IssuedCredential
from ...pipeline.inbox import record_completion, record_completions
from ..permissions import CatalogueAccess, token_of
from .base import ApiViewMixin

CONFLICT = "This Idempotency-Key was already used with a different body."


def reporting_token(request):
    token = token_of(request)
    if token is None:
        raise serializers.ValidationError({"non_field_errors": ["Completions are reported with an API token."]})
    return token


def event_state(event: CompletionEvent) -> dict:
    body = {"id": str(event.pk), "state": event.state, "course_id": event.course_id, "kind": event.kind,
            "received_at": event.received_at, "processed_at": event.processed_at, "outcome": event.outcome}
    if event.award_id:
        body["award"] = str(event.award_id)
        body["credentials"] = [
            {"format": c.format, "state": c.state, "page": identity.credential_page_url(c.pk)
             if c.format == CredentialFormat.OB3_DATA_INTEGRITY else None}
            for c in IssuedCredential.objects.filter(award_id=event.award_id).order_by("format")]
    return body


class CompletionApiView(ApiViewMixin, views.APIView):
    """The completion endpoints: scope completions:write, checked per HTTP method."""

    permission_classes = [CatalogueAccess]

    def initial(self, request, *args, **kwargs):
        self.action = request.method.lower()
        super().initial(request, *args, **kwargs)


class CompletionListView(CompletionApiView):
    """Report a completion (scope completions:write). Replays with the same Idempotency-Key are no-ops."""

    required_scopes = {"post": "completions:write"}

    @extend_schema(request=ApiCompletionSerializer, responses={202: dict},
                   parameters=[OpenApiParameter(IDEMPOTENCY_HEADER, str, OpenApiParameter.HEADER, required=True)])
    def post(self, request):
        token = reporting_token(request)
        key = request.headers.get(IDEMPOTENCY_HEADER, "")
        if not IDEMPOTENCY_KEY_RE.match(key):
            raise serializers.ValidationError({IDEMPOTENCY_HEADER: [
                f"Send an Idempotency-Key header of {IDEMPOTENCY_KEY_RULE}."]})
        body = ApiCompletionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        completion = normalize(body.validated_data, organisation_slug=token.organisation.slug,
                               idempotency_key=key, raw=request.data)
        event, created = record_completion(completion)
        if not created and event.raw != completion.raw:
            return Response({"detail": CONFLICT, "code": "idempotency_conflict", "id": str(event.pk)},
                            status=status.HTTP_409_CONFLICT)
        return Response({**event_state(event), "created": created},
                        status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK)


class CompletionBatchView(CompletionApiView):
    """Report up to 500 completions in one request (scope completions:write), each with its own idempotency key.

    All or nothing on validation (400 names each bad item by index); then every item is stored once: new ones
    are accepted (``created``), replays return the stored event, and a key reused with another body is reported
    per item as ``idempotency_conflict``. 202 when anything was accepted, else 200.
    """

    required_scopes = {"post": "completions:write"}

    @extend_schema(request=ApiCompletionBatchSerializer, responses={202: dict, 200: dict})
    def post(self, request):
        token = reporting_token(request)
        body = ApiCompletionBatchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        # The stored body of an item is what a single POST of it would store (its key travels as the header there),
        # so both endpoints share one key namespace and a resend through either one is a replay, not a conflict.
        raw_items = [{k: v for k, v in raw.items() if k != "idempotency_key"} for raw in request.data["completions"]]
        completions = [normalize(item, organisation_slug=token.organisation.slug,
                                 idempotency_key=item["idempotency_key"], raw=raw)
                       for item, raw in zip(body.validated_data["completions"], raw_items, strict=True)]
        results = []
        for index, (completion, (event, created)) in enumerate(zip(completions, record_completions(completions),
                                                                   strict=True)):
            if not created and event.raw != completion.raw:
                results.append({"index": index, "id": str(event.pk), "code": "idempotency_conflict",
                                "detail": CONFLICT})
            else:
                results.append({"index": index, "id": str(event.pk), "state": event.state, "created": created})
        accepted = sum(1 for r in results if r.get("created"))
        conflicts = sum(1 for r in results if "code" in r)
        summary = {"accepted": accepted, "replayed": len(results) - accepted - conflicts, "conflicts": conflicts}
        return Response({**summary, "results": results},
                        status=status.HTTP_202_ACCEPTED if accepted else status.HTTP_200_OK)


class CompletionDetailView(CompletionApiView):
    """Processing state of a completion this organisation reported."""

    required_scopes = {"get": "completions:write"}

    @extend_schema(responses={200: dict})
    def get(self, request, pk):
        token = token_of(request)
        slug = token.organisation.slug if token else None
        event = get_object_or_404(CompletionEvent, pk=pk, platform="api", platform_instance=slug)
        return Response(event_state(event))

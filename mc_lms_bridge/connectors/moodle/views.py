"""The signed webhook endpoint for Moodle's course_completed event: verify, validate, record once, answer 202."""

from __future__ import annotations

from rest_framework import permissions, status, views
from rest_framework.response import Response

from ...api.parsers import StrictJSONParser
from ...models.moodle import MoodleSite
from ...pipeline.inbox import record_completion
from ..base import ConnectorError
from .authentication import MoodleWebhookAuthentication
from .webhook_payload import WebhookPayloadError, parse_course_completed


class SignedBySite(permissions.BasePermission):
    """Only deliveries authenticated by MoodleWebhookAuthentication (request.auth is the MoodleSite)."""

    message = "A signed delivery from a known Moodle site is required."

    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, MoodleSite)


class MoodleWebhookView(views.APIView):
    """POST a signed course_completed event; 202 {"event": id, "created": bool}; replays give created=false."""

    authentication_classes = [MoodleWebhookAuthentication]
    permission_classes = [SignedBySite]
    parser_classes = [StrictJSONParser]
    throttle_classes: list = []

    def post(self, request):
        site: MoodleSite = request.auth
        try:
            completion = parse_course_completed(request.data, base_url=site.base_url,
                                                site_verifies_emails=site.verifies_emails)
            event, created = record_completion(completion)
        except WebhookPayloadError as exc:
            return Response({"detail": str(exc), "code": "invalid", "errors": exc.errors},
                            status=status.HTTP_400_BAD_REQUEST)
        except ConnectorError as exc:
            return Response({"detail": str(exc), "code": "invalid"}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"event": str(event.pk), "created": created}, status=status.HTTP_202_ACCEPTED)

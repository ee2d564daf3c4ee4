"""API error handler: every error is JSON with a sentence and field-level messages, never a 500 for bad input."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, OperationalError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..catalogue.lifecycle import IncompleteMicroCredential, LifecycleError
from ..models import ImmutableVersionError


def _django_errors(exc: DjangoValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
    return {"non_field_errors": exc.messages}


#: PostgreSQL SQLSTATEs of a transaction that lost a deadlock or serialization race: safe for the client to repeat.
LOCK_CONFLICT_STATES = {"40P01", "40001"}


def _is_lock_conflict(exc: OperationalError) -> bool:
    return getattr(getattr(exc, "__cause__", None), "sqlstate", None) in LOCK_CONFLICT_STATES


def exception_handler(exc, context):
    """Map domain errors to 4xx responses of the shape {"detail": str, "errors": {field: [msg, ...]}}."""
    if isinstance(exc, IncompleteMicroCredential):
        return Response({"detail": str(exc), "code": "incomplete",
                         "errors": {f: [m] for f, m in exc.errors.items()}}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, LifecycleError):
        return Response({"detail": str(exc), "code": exc.code}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ImmutableVersionError):
        return Response({"detail": str(exc), "code": "immutable"}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        return Response({"detail": "Some fields are invalid.", "code": "invalid", "errors": _django_errors(exc)},
                        status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, OperationalError) and _is_lock_conflict(exc):
        return Response({"detail": "The request met a concurrent one on the same records; send it again.",
                         "code": "retry"}, status=status.HTTP_503_SERVICE_UNAVAILABLE, headers={"Retry-After": "1"})
    if isinstance(exc, IntegrityError):
        return Response({"detail": "This conflicts with an existing record (it must be unique).",
                         "code": "conflict"}, status=status.HTTP_409_CONFLICT)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and "detail" in data and len(data) == 1:
        response.data = {"detail": str(data["detail"]), "code": getattr(data["detail"], "code", "error")}
    else:
        response.data = {"detail": "Some fields are invalid.", "code": "invalid",
                         "errors": data if isinstance(data, dict) else {"non_field_errors": data}}
    return response

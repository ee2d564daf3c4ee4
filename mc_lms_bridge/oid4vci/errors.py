"""OAuth 2.0 / OpenID4VCI error responses: ``{"error", "error_description"}`` with the spec's HTTP status."""

from __future__ import annotations

from django.http import JsonResponse


class OAuthError(Exception):
    """An error the wallet receives as-is: an error code, a sentence, an HTTP status and optional headers."""

    def __init__(self, error: str, description: str, *, status: int = 400, headers: dict | None = None):
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status
        self.headers = headers or {}


def invalid_token(description: str) -> OAuthError:
    """RFC 6750: a missing, unknown, expired or used access token (401 with a Bearer challenge)."""
    challenge = f'Bearer error="invalid_token", error_description="{description}"'
    return OAuthError("invalid_token", description, status=401, headers={"WWW-Authenticate": challenge})


def no_store(response: JsonResponse) -> JsonResponse:
    """Mark a response that carries secrets or one-time values as never cached."""
    response["Cache-Control"] = "no-store"
    return response


def error_response(error: OAuthError) -> JsonResponse:
    """The JSON error body and headers of ``error``."""
    response = JsonResponse({"error": error.error, "error_description": error.description}, status=error.status)
    for name, value in error.headers.items():
        response[name] = value
    return no_store(response)

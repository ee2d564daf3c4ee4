"""In-process client that drives the real REST API with a temporary organisation token."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.conf import settings
from django.test import Client


class DemoStepFailed(RuntimeError):
    """The API answered a demo request with an unexpected status."""


@dataclass
class ApiCall:
    status: int
    body: dict


class DemoApiClient:
    """Sends JSON requests to the app's API in-process, as an API client would over HTTP."""

    def __init__(self, raw_token: str):
        host = next((h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"), "localhost")
        self._client = Client(HTTP_HOST=host, HTTP_AUTHORIZATION=f"Bearer {raw_token}")

    def request(self, method: str, path: str, payload: dict | None = None, *, expect: tuple[int, ...]) -> ApiCall:
        response = getattr(self._client, method)(
            path, data=json.dumps(payload) if payload is not None else None, content_type="application/json")
        body = response.json() if response.content else {}
        if response.status_code not in expect:
            raise DemoStepFailed(f"{method.upper()} {path} answered {response.status_code}: {body}")
        return ApiCall(response.status_code, body)

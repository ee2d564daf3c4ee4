"""Public, machine-readable catalogue: published micro-credentials and pathways (JSON and ELM JSON-LD)."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .catalogue import catalogue_document, catalogue_elm


@require_GET
def catalogue_json(request):
    """``GET /catalogue.json``: every published micro-credential and active pathway."""
    return JsonResponse(catalogue_document(), json_dumps_params={"ensure_ascii": False})


@require_GET
def catalogue_jsonld(request):
    """``GET /catalogue.jsonld``: the same as ELM 3.2 LearningOpportunity / Qualification JSON-LD."""
    return JsonResponse(catalogue_elm(), content_type="application/ld+json",
                        json_dumps_params={"ensure_ascii": False})

"""Public issuer documents: did:web DID documents, OB3 issuer profiles, achievements and signed status lists."""

from __future__ import annotations

import hashlib
import json

from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .. import identity
from ..catalogue.records import microcredential_record, organisation_record
from ..formats.ob3 import build_achievement, build_issuer_profile
from ..models import MicroCredentialVersion, Organisation, Status, StatusList
from ..status.service import signed_status_list_text

PUBLIC_CACHE = "public, max-age=300"


def _json(document: dict | str, request, *, content_type: str = "application/json", cache: str = PUBLIC_CACHE):
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False, indent=2)
    body = text.encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = cache
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def host_did_document(request):
    """GET /.well-known/did.json (public)."""
    return _json(identity.host_did_document(), request, content_type="application/did+json")


@require_safe
def organisation_did_document(request, slug: str):
    """GET /orgs/<slug>/did.json (public): all keys, retired ones included so old credentials verify."""
    organisation = get_object_or_404(Organisation, slug=slug)
    return _json(identity.did_document(organisation), request, content_type="application/did+json")


@require_safe
def issuer_profile(request, slug: str):
    """GET /orgs/<slug>/profile.json (public): the OB3 issuer Profile."""
    organisation = get_object_or_404(Organisation, slug=slug)
    return _json(build_issuer_profile(organisation_record(organisation)), request)


@require_safe
def achievement(request, slug: str, mc_slug: str, version: int):
    """GET /orgs/<slug>/achievements/<mc>/v<n> (public): the OB3 Achievement of a published/retired version."""
    found = get_object_or_404(
        MicroCredentialVersion.objects.select_related("microcredential__organisation"),
        microcredential__organisation__slug=slug, microcredential__slug=mc_slug, version=version,
        status__in=[Status.PUBLISHED, Status.RETIRED])
    return _json(build_achievement(microcredential_record(found)), request)


@require_safe
def status_list(request, slug: str, purpose: str, sequence: int):
    """GET /orgs/<slug>/status/<purpose>/<n> (public): the signed BitstringStatusListCredential."""
    found = StatusList.objects.select_related("organisation").filter(
        organisation__slug=slug, purpose=purpose, sequence=sequence).first()
    if found is None:
        raise Http404("No such status list.")
    return _json(signed_status_list_text(found), request, content_type="application/vc+ld+json",
                 cache="public, max-age=60, must-revalidate")


def not_found_json(request, exception=None):
    return JsonResponse({"detail": "Not found."}, status=404)

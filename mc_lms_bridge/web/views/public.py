"""Public credential page, its QR code and its downloads (same visibility rule for all)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ... import identity
from .. import downloads
from ..credential_page import page_context
from ..http import page
from ..lookup import CredentialBundle, find_bundle, is_public
from ..qr import qr_svg
from ..wallet_session import current_learner


def visible_bundle(request, credential_id) -> CredentialBundle:
    """The bundle if its page is public or the viewer is its learner; Http404 otherwise (no hint it exists)."""
    bundle = find_bundle(credential_id)
    if is_public(bundle.award):
        return bundle
    learner = current_learner(request)
    if learner is None or learner.pk != bundle.award.learner_id:
        raise Http404("No such credential.")
    return bundle


@require_GET
@page()
def credential_page(request, credential_id):
    bundle = visible_bundle(request, credential_id)
    context = page_context(bundle, request.content_language)
    context["is_owner"] = (learner := current_learner(request)) is not None and learner.pk == bundle.award.learner_id
    response = render(request, "mc_lms_bridge/web/credential_page.html", context)
    if not is_public(bundle.award):
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@page()
def qr_code(request, credential_id):
    bundle = visible_bundle(request, credential_id)
    return HttpResponse(qr_svg(identity.credential_page_url(bundle.page_id)), content_type="image/svg+xml")


@require_GET
@page()
def download(request, credential_id, kind):
    if kind not in downloads.KINDS:
        raise Http404("No such file.")
    found = downloads.build(visible_bundle(request, credential_id), kind)
    if found is None:
        raise Http404("No such file.")
    response = HttpResponse(found.content, content_type=found.content_type)
    inline = kind.startswith("badge.") and request.GET.get("download") != "1"
    response.headers["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{found.filename}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response

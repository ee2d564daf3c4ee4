"""The learner's wallet: their credentials with every action, visibility, export and erasure."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ...models import Award
from ..erasure import erase_learner
from ..export import export_zip
from ..forms import VisibilityForm
from ..http import page
from ..lookup import find_bundle, set_public
from ..pathways_block import wallet_pathways
from ..wallet_cards import wallet_cards
from ..wallet_session import current_learner, end_session


@require_GET
@page(private=True)
def wallet(request):
    learner = current_learner(request)
    if learner is None:
        return redirect("mc_lms_bridge:wallet-sign-in")
    return render(request, "mc_lms_bridge/web/wallet.html", {
        "learner": learner, "cards": wallet_cards(learner), "pathways": wallet_pathways(learner)})


@require_POST
@page(private=True)
def visibility(request, credential_id):
    learner = current_learner(request)
    bundle = find_bundle(credential_id)
    if learner is None or bundle.award.learner_id != learner.pk:
        raise Http404("No such credential.")
    form = VisibilityForm(request.POST)
    if form.is_valid():
        set_public(bundle.award, form.cleaned_data["public"])
    return redirect("mc_lms_bridge:wallet")


@require_GET
@page(private=True)
def export(request):
    learner = current_learner(request)
    if learner is None:
        return redirect("mc_lms_bridge:wallet-sign-in")
    response = HttpResponse(export_zip(learner), content_type="application/zip")
    response.headers["Content-Disposition"] = 'attachment; filename="my-credentials.zip"'
    return response


@require_http_methods(["GET", "POST"])
@page(private=True)
def erase(request):
    learner = current_learner(request)
    if learner is None:
        return redirect("mc_lms_bridge:wallet-sign-in")
    if request.method == "POST" and request.POST.get("confirm") == "erase":
        erase_learner(learner)
        end_session(request)
        return render(request, "mc_lms_bridge/web/erased.html")
    awards = Award.objects.filter(learner=learner).count()
    return render(request, "mc_lms_bridge/web/erase.html", {"awards": awards})

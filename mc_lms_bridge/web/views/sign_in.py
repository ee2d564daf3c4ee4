"""Wallet sign-in: ask for the e-mail (same answer whether or not it is known), redeem the e-mailed link."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .. import sign_in
from ..forms import SignInForm
from ..http import page
from ..wallet_session import end_session, start_session


@require_http_methods(["GET", "POST"])
@page(private=True)
def sign_in_form(request):
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sign_in.request_link(form.cleaned_data["email"])
        return render(request, "mc_lms_bridge/web/sign_in_sent.html")
    return render(request, "mc_lms_bridge/web/sign_in.html", {"form": form})


@require_http_methods(["GET", "POST"])
@page(private=True)
def redeem(request, token):
    """GET shows a button (mail scanners that prefetch links do not use the link up); POST signs in."""
    if request.method == "POST":
        learner = sign_in.redeem(token)
        if learner is not None:
            start_session(request, learner)
            return redirect("mc_lms_bridge:wallet")
        return render(request, "mc_lms_bridge/web/sign_in_invalid.html", status=410)
    if not sign_in.is_redeemable(token):
        return render(request, "mc_lms_bridge/web/sign_in_invalid.html", status=410)
    # Referrer-Policy stays same-origin (not no-referrer, which makes the browser send "Origin: null" and the
    # CSRF check refuse the POST); the token never leaves this origin.
    response = render(request, "mc_lms_bridge/web/sign_in_confirm.html")
    response.headers["Referrer-Policy"] = "same-origin"
    return response


@require_http_methods(["POST"])
@page(private=True)
def sign_out(request):
    end_session(request)
    return redirect("mc_lms_bridge:wallet-sign-in")

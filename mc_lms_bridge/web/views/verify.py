"""The verify page: paste or drop any credential, see every check in plain words."""

from __future__ import annotations

from django.shortcuts import render

from ...verification.service import CredentialInputError, verify_any
from ..forms import VerifyForm
from ..http import page
from ..presentation import check_lines, verdict
from ..verify_input import UnreadableInput, credential_text


def _summary(result: dict) -> dict:
    credential = result.get("credential") or {}
    issuer = credential.get("issuer")
    subject = credential.get("credentialSubject") or {}
    return {
        "name": credential.get("name") or (subject.get("achievement") or {}).get("name") or "",
        "issuer": (issuer.get("name") if isinstance(issuer, dict) else issuer) or result.get("issuer") or "",
        "format": result.get("format", ""),
    }


@page(private=True)
def verify_page(request):
    form = VerifyForm(request.POST or None, request.FILES or None) if request.method == "POST" else VerifyForm()
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("upload")
        try:
            text = credential_text(form.cleaned_data.get("credential", ""), upload.read() if upload else None)
            result = verify_any(text)
        except (UnreadableInput, CredentialInputError) as error:
            context["problem"] = str(error)
        else:
            tone, sentence = verdict(result)
            context.update(result=result, tone=tone, sentence=sentence, checks=check_lines(result),
                           summary=_summary(result))
    status = 400 if request.method == "POST" and (form.errors or "problem" in context) else 200
    return render(request, "mc_lms_bridge/web/verify.html", context, status=status)

"""Forms of the web pages: wallet sign-in, verify (paste or upload) and page visibility."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..conf import app_settings

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a baked PNG badge with its credential stays well under this


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class VerifyForm(forms.Form):
    credential = forms.CharField(
        label=_("…or paste a credential (JSON or JWT)"), required=False, strip=True,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}))
    upload = forms.FileField(label=_("Choose a file (JSON, JWT, baked PNG or SVG, Europass EDC)"),
                             required=False)

    def clean_credential(self):
        text = self.cleaned_data["credential"]
        if len(text.encode("utf-8")) > app_settings.MAX_REQUEST_BYTES:
            raise forms.ValidationError(_("The text is too large (at most %(kb)d KB).")
                                        % {"kb": app_settings.MAX_REQUEST_BYTES // 1024})
        return text

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large (at most %(mb)d MB).")
                                        % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)})
        return upload

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("credential") and not cleaned.get("upload"):
            raise forms.ValidationError(_("Paste a credential or choose a file."))
        return cleaned


class VisibilityForm(forms.Form):
    public = forms.BooleanField(required=False, label=_("Anyone with the link can see this credential's page"))

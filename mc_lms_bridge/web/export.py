"""A learner's data export: a zip of every credential file and their personal data as JSON."""

from __future__ import annotations

import io
import json
import zipfile

from django.utils import timezone

from ..models import Award, Learner
from ..models.sign_in_link import SignInLink
from . import downloads
from .lookup import bundle_for_award, is_public


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data(learner: Learner) -> dict:
    """Everything this service holds about the learner, as JSON-ready data."""
    awards = Award.objects.filter(learner=learner).select_related("version__microcredential__organisation")
    return {
        "exported_at": timezone.now().isoformat(),
        "learner": {"id": str(learner.pk), "given_name": learner.given_name, "family_name": learner.family_name,
                    "email": learner.email, "email_verified": learner.email_verified,
                    "subject_did": learner.subject_did, "created_at": _iso(learner.created_at)},
        "accounts": [{"platform": a.platform, "platform_instance": a.platform_instance, "user_id": a.user_id,
                      "created_at": _iso(a.created_at)} for a in learner.accounts.order_by("created_at")],
        "awards": [{"id": str(a.pk), "micro_credential": str(a.version.microcredential),
                    "version": a.version.version, "awarded_at": _iso(a.awarded_at), "grade": a.grade,
                    "evidence": a.evidence, "revoked_at": _iso(a.revoked_at), "page_public": is_public(a),
                    "credentials": [{"id": str(c.pk), "format": c.format, "state": c.state,
                                     "issued_at": _iso(c.issued_at)} for c in a.credentials.order_by("format")]}
                   for a in awards.order_by("awarded_at")],
        "sign_in_links": [{"created_at": _iso(s.created_at), "used_at": _iso(s.used_at)}
                          for s in SignInLink.objects.filter(learner=learner).order_by("created_at")],
    }


def export_zip(learner: Learner) -> bytes:
    """personal-data.json plus credentials/<page id>/<files> for each award."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("personal-data.json", json.dumps(personal_data(learner), ensure_ascii=False, indent=2))
        for award in Award.objects.filter(learner=learner).select_related("version__microcredential__organisation"):
            bundle = bundle_for_award(award)
            if not bundle.by_format.get("ob3+di"):
                continue
            for kind in downloads.available_kinds(bundle):
                found = downloads.build(bundle, kind)
                if found is not None:
                    archive.writestr(f"credentials/{bundle.page_id}/{kind}", found.content)
    return buffer.getvalue()

"""Instructor page: tag the course as a micro-credential (draft, review, publish) and manage its awards."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from mc_lms_bridge.catalogue import lifecycle
from mc_lms_bridge.models import Status
from mc_lms_bridge.status.service import StatusChangeRefused

from .. import awards, tagging
from ..forms import MicroCredentialForm, initial_from, language_choices, legacy_nqf_level, text_language_of
from ..security import with_launch

ACTIONS = ("save", "submit", "publish", "withdraw")
DONE = {"save": "Draft saved.", "submit": "Submitted for review.", "publish": "Published.",
        "withdraw": "Back to draft: you can edit again.", "status": "Credential status changed."}


def _page(request, launch, form, *, status=200, message=""):
    tag = tagging.course_tag(launch)
    microcredential = tag.microcredential if tag else None
    working = microcredential.working_version() if microcredential else None
    published = microcredential.published_version() if microcredential else None
    edited = _edited_version(launch)
    context = {
        "launch": launch, "form": form, "tag": tag, "working": working, "published": published,
        "text_languages": sorted((edited.title or {}) if edited else {}), "language_choices": language_choices(),
        "edit_language": form["text_language"].value(),
        "in_review": working is not None and working.status == Status.IN_REVIEW, "message": message,
        "awards": [(award, awards.state_of(award)) for award in awards.awards_of(tag)],
    }
    return render(request, "lti/instructor.html", context, status=status)


def _edited_version(launch):
    """The version the form edits: the working version, else the latest (a new draft is made from it)."""
    tag = tagging.course_tag(launch)
    if tag is None:
        return None
    return tag.microcredential.working_version() or tag.microcredential.latest_version()


def _form_for(launch, language: str = ""):
    tag = tagging.course_tag(launch)
    if tag is None:
        return MicroCredentialForm(initial={"title": launch.context_title,
                                            "text_language": text_language_of(None, language)})
    return MicroCredentialForm(initial=initial_from(_edited_version(launch), tag.rule, tag.min_grade, language))


def _apply(launch, form, action):
    tag = tagging.course_tag(launch)
    working = tag.microcredential.working_version() if tag else None
    if action == "withdraw" or (working is not None and working.status == Status.IN_REVIEW):
        if action == "withdraw":
            lifecycle.withdraw(tag.microcredential, actor=tagging.actor_for(launch), reason="withdrawn in the LMS")
            return
        if action == "publish":
            tagging.advance(launch, tag, "publish")
            return
        raise tagging.TaggingErrors({"__all__": ["The version is in review: publish it or send it back to draft."]})
    tag = tagging.save(launch, form.payload(existing=_edited_version(launch)), rule=form.cleaned_data["rule"],
                       min_grade=form.cleaned_data["min_grade"])
    if action in ("submit", "publish"):
        tagging.advance(launch, tag, action)


@csrf_exempt  # authenticated by the launch id in the form, never by cookies (see docs/lti.md)
@require_http_methods(["GET", "POST"])
@with_launch(staff=True)
def course(request, launch):
    if request.method == "GET":
        return _page(request, launch, _form_for(launch, request.GET.get("lang", "")),
                     message=DONE.get(request.GET.get("done", ""), ""))
    action = request.POST.get("action", "save")
    needs_form = action in ("save", "submit") or (action == "publish" and not _in_review(launch))
    edited = _edited_version(launch)
    legacy_nqf = legacy_nqf_level(edited.nqf_level if edited is not None else "")
    form = MicroCredentialForm(request.POST, legacy_nqf=legacy_nqf) if needs_form else _form_for(launch)
    if action not in ACTIONS:
        form.add_error(None, "Unknown action.")
        return _page(request, launch, form, status=400)
    if needs_form and not form.is_valid():
        return _page(request, launch, form, status=400)
    try:
        _apply(launch, form, action)
    except (tagging.TaggingErrors, ValidationError) as exc:
        errors = exc.errors if isinstance(exc, tagging.TaggingErrors) else exc.message_dict
        for name, messages in errors.items():
            for text in messages:
                form.add_error(name if name in form.fields else None, text)
        return _page(request, launch, form, status=400)
    except lifecycle.LifecycleError as exc:
        form.add_error(None, str(exc))
        return _page(request, launch, form, status=400)
    language = form.cleaned_data.get("text_language", "") if form.is_bound else ""
    return redirect(f"{reverse('lti:course')}?launch={launch.launch_id}&done={action}&lang={language}")


def _in_review(launch) -> bool:
    tag = tagging.course_tag(launch)
    working = tag.microcredential.working_version() if tag else None
    return working is not None and working.status == Status.IN_REVIEW


@csrf_exempt  # authenticated by the launch id in the form, never by cookies (see docs/lti.md)
@require_POST
@with_launch(staff=True)
def award_status(request, launch):
    try:
        awards.change_award_status(launch, request.POST.get("award", ""), request.POST.get("action", ""),
                                   request.POST.get("reason", "")[:2000])
    except (StatusChangeRefused, ValidationError) as exc:
        return _page(request, launch, _form_for(launch), status=400, message=str(exc))
    return redirect(f"{reverse('lti:course')}?launch={launch.launch_id}&done=status")

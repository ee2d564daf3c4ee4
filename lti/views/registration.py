"""LTI Dynamic Registration initiation: confirm the platform (GET), then register it (POST) and close the window."""

from __future__ import annotations

import logging

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from mc_lms_bridge.models import Organisation

from ..models import LtiRegistrationInvite, origin_of
from ..registration import RegistrationRefused, fetch_configuration
from ..registration import register as register_platform
from ..security import frame_for

logger = logging.getLogger("lti")


def _access(request, invite_token: str):
    """(organisation, invite or None): a live invitation, else a staff user allowed to add platforms."""
    if invite_token:
        invite = LtiRegistrationInvite.objects.select_related("organisation").filter(token=invite_token).first()
        if invite is None or invite.used_at is not None or invite.expires_at <= timezone.now():
            raise RegistrationRefused("invalid_invite", "This registration link is unknown, used or expired.", 403)
        return invite.organisation, invite
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_staff and user.has_perm("lti.add_ltiplatform")):
        raise RegistrationRefused("not_allowed", "Registering needs an invitation link or a staff login.", 403)
    slug = (request.POST if request.method == "POST" else request.GET).get("organisation", "")
    organisations = Organisation.objects.filter(slug=slug) if slug else Organisation.objects.all()
    if organisations.count() != 1:
        raise RegistrationRefused("organisation_needed", "Add ?organisation=<slug> to the registration URL.")
    return organisations.get(), None


def _frame(response, config_url: str):
    origin = origin_of(config_url)
    return frame_for(response, [origin] if origin else [])


def _flow(request, token: str = ""):
    params = request.POST if request.method == "POST" else request.GET
    invite_token = token or params.get("invite", "")
    config_url, registration_token = params.get("openid_configuration", ""), params.get("registration_token", "")
    try:
        organisation, invite = _access(request, invite_token)
        if not config_url:
            raise RegistrationRefused("bad_request", "The platform did not send openid_configuration.")
        config = fetch_configuration(config_url, registration_token)
        if request.method == "GET":
            fields = {"openid_configuration": config_url, "registration_token": registration_token,
                      "invite": invite_token, "organisation": organisation.slug}
            context = {"config": config, "organisation": organisation, "fields": fields, "staff": invite is None}
            return _frame(render(request, "lti/register_confirm.html", context), config_url)
        platform = register_platform(config, registration_token, organisation=organisation, invite=invite,
                                     tool_base=request.build_absolute_uri("/").rstrip("/"))
    except RegistrationRefused as exc:
        logger.warning("LTI registration refused: reason=%s path=%s", exc.reason, request.path)
        response = render(request, "lti/error.html", {"message": exc.message, "reason": exc.reason},
                          status=exc.status)
        return _frame(response, config_url)
    logger.info("LTI platform registered: platform=%s", platform.pk)
    return _frame(render(request, "lti/register_done.html", {"platform": platform}), config_url)


@csrf_exempt  # an invitation POST is authenticated by its token; a staff POST is CSRF-checked below
@require_http_methods(["GET", "POST"])
def register(request, token: str = ""):
    if request.method == "POST" and not (token or request.POST.get("invite")):
        return csrf_protect(_flow)(request, token)
    return _flow(request, token)

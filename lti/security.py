"""Response hardening for pages shown inside platform iframes, refusals with a logged reason, role checks."""

from __future__ import annotations

import functools
import logging

from django.shortcuts import render

from . import claims, launches
from .models import LtiPlatform
from .validation import LaunchRejected

logger = logging.getLogger("lti")


def frame_for(response, origins):
    """Allow framing only by the given platform origins (CSP frame-ancestors); no referrer leaves the page."""
    sources = " ".join(["'self'", *origins])
    response["Content-Security-Policy"] = f"frame-ancestors {sources}"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    response.xframe_options_exempt = True
    return response


def registered_origins() -> list[str]:
    origins = set()
    for platform in LtiPlatform.objects.filter(active=True):
        origins.update(platform.allowed_frame_origins())
    return sorted(origins)


def refuse(request, exc: LaunchRejected, *, platform: LtiPlatform | None = None):
    """Log the reason (a code and the platform's pk, never claims or user data) and render the error page."""
    logger.warning("LTI request refused: reason=%s platform=%s path=%s", exc.reason,
                   platform.pk if platform else "-", request.path)
    response = render(request, "lti/error.html", {"message": exc.message, "reason": exc.reason}, status=exc.status)
    return frame_for(response, platform.allowed_frame_origins() if platform else registered_origins())


def with_launch(*, staff: bool):
    """View decorator: load the launch named by the `launch` parameter; staff views refuse learners (403)."""
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            source = request.POST if request.method == "POST" else request.GET
            try:
                launch = launches.get(source.get("launch", ""))
            except LaunchRejected as exc:
                return refuse(request, exc)
            if staff and not claims.is_staff(launch.roles):
                return refuse(request, LaunchRejected(
                    "role_forbidden", "Only instructors, content developers and administrators may do this.", 403),
                    platform=launch.platform)
            response = view(request, launch, *args, **kwargs)
            return frame_for(response, launch.platform.allowed_frame_origins())
        return wrapper
    return decorator

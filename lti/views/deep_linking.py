"""Deep linking page: an instructor adds the micro-credential link to the course; the JWT is posted back."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .. import claims as c
from .. import deep_linking
from ..security import refuse, with_launch
from ..validation import LaunchRejected


@csrf_exempt  # authenticated by the launch id in the form, never by cookies (see docs/lti.md)
@require_http_methods(["GET", "POST"])
@with_launch(staff=True)
def select(request, launch):
    if launch.message_type != c.DEEP_LINKING_REQUEST:
        return refuse(request, LaunchRejected("wrong_message_type", "This launch is not a deep linking request."),
                      platform=launch.platform)
    if request.method == "GET":
        return render(request, "lti/deep_linking.html", {"launch": launch})
    item = deep_linking.content_item(request.build_absolute_uri(reverse("lti:launch")))
    token = deep_linking.response_jwt(launch, [item])
    return render(request, "lti/autopost.html", {"action": deep_linking.return_url(launch), "fields": {"JWT": token}})

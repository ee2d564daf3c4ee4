"""Login initiation (GET and POST), the launch endpoint and the tool's public key set."""

from __future__ import annotations

from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import claims as c
from .. import keys, launches
from ..login import authentication_request_url
from ..models import origin_of
from ..security import refuse
from ..validation import LaunchRejected, validate_id_token


@csrf_exempt  # third-party initiated login: a cross-site GET or auto-submitted POST carrying no credentials
@require_http_methods(["GET", "POST"])
def login(request):
    params = request.POST if request.method == "POST" else request.GET
    tool_origin = origin_of(request.build_absolute_uri("/"))
    try:
        url = authentication_request_url(params, tool_origin=tool_origin,
                                         redirect_uri=request.build_absolute_uri(reverse("lti:launch")))
    except LaunchRejected as exc:
        return refuse(request, exc)
    return HttpResponseRedirect(url)


@csrf_exempt  # the platform's form_post; authenticated by the signed id_token and the single-use state/nonce
@require_POST
def launch(request):
    try:
        valid = validate_id_token(request.POST.get("id_token", ""), request.POST.get("state", ""))
    except LaunchRejected as exc:
        return refuse(request, exc)
    record = launches.record(valid)
    if record.message_type == c.DEEP_LINKING_REQUEST:
        name = "lti:deep-linking" if c.is_staff(record.roles) else None
    else:
        name = "lti:course" if c.is_staff(record.roles) else "lti:learner"
    if name is None:
        refusal = LaunchRejected("role_forbidden", "Only instructors may add the micro-credential to a course.", 403)
        return refuse(request, refusal, platform=valid.platform)
    return HttpResponseRedirect(f"{reverse(name)}?launch={record.launch_id}", status=303)


@require_GET
def jwks(request):
    response = JsonResponse(keys.public_jwks())
    response["Cache-Control"] = "public, max-age=300"
    return response

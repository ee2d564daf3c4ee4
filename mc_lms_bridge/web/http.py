"""Response policy of every web page: language choice, Content-Security-Policy and caching headers."""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.utils import translation

#: Languages the interface is translated into; a micro-credential may be described in more.
UI_LANGUAGES = ("en", "fr")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
#: Nothing from elsewhere: no CDN, no fonts, no frames; inline SVG styles are not needed.
CSP = ("default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def requested_language(request) -> str:
    """?lang=xx, else the language cookie, else the browser's preference (any 2-3 letter code)."""
    asked = request.GET.get("lang", "")
    if LANGUAGE_CODE.match(asked):
        return asked
    return translation.get_language_from_request(request) or settings.LANGUAGE_CODE


def page(private: bool = False):
    """Decorator: pick the languages, set CSP (and no-store for private pages)."""
    def wrap(view):
        @functools.wraps(view)
        def run(request, *args, **kwargs):
            wanted = requested_language(request)
            ui = wanted if wanted in UI_LANGUAGES else settings.LANGUAGE_CODE
            request.content_language = wanted
            with translation.override(ui):
                request.LANGUAGE_CODE = ui
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
            if LANGUAGE_CODE.match(request.GET.get("lang", "")):
                response.set_cookie(settings.LANGUAGE_COOKIE_NAME, wanted, max_age=365 * 24 * 3600,
                                    samesite="Lax", secure=request.is_secure())
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("Content-Language", ui)
            if private:
                response.headers["Cache-Control"] = "private, no-store"
            else:
                response.headers.setdefault("Vary", "Cookie, Accept-Language")
            return response
        return run
    return wrap

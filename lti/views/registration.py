"""LTI Dynamic Registration initiation (placeholder until the registration flow lands)."""

from django.http import Http404


def register(request, token):
    raise Http404("Dynamic registration is not available yet.")

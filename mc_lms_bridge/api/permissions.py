"""Permissions of the REST API: staff sessions see all; tokens act only within their organisation and scopes."""

from __future__ import annotations

from rest_framework import permissions

from ..models import ApiToken, Organisation


def token_of(request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


def is_staff_session(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_staff and token_of(request) is None)


def visible_organisations(request):
    """Organisations whose catalogue the caller may read and change."""
    if is_staff_session(request):
        return Organisation.objects.all()
    token = token_of(request)
    if token is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk=token.organisation_id)


class CatalogueAccess(permissions.BasePermission):
    """Read needs catalogue:read, writes catalogue:write, lifecycle actions catalogue:publish (or staff)."""

    message = "This API token lacks the scope needed for this action."

    def has_permission(self, request, view) -> bool:
        if is_staff_session(request):
            return True
        token = token_of(request)
        if token is None:
            return False
        return token.has_scope(self.required_scope(request, view))

    @staticmethod
    def required_scope(request, view) -> str:
        scope = getattr(view, "required_scopes", {}).get(getattr(view, "action", None))
        if scope:
            return scope
        return "catalogue:read" if request.method in permissions.SAFE_METHODS else "catalogue:write"


class StaffOnlyForWrites(permissions.BasePermission):
    """Anyone authenticated may read; only staff sessions may create or change (e.g. organisations)."""

    message = "Only platform administrators can create or change organisations."

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return is_staff_session(request) or token_of(request) is not None
        return is_staff_session(request)

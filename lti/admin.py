"""Admin of the LTI tool: platforms and deployments, tool keys (rotation), registration invites, course services."""

from django.contrib import admin, messages

from . import keys
from .conf import lti_settings
from .models import LtiContext, LtiDeployment, LtiPlatform, LtiRegistrationInvite, LtiToolKey


class LtiDeploymentInline(admin.TabularInline):
    model = LtiDeployment
    extra = 1


@admin.register(LtiPlatform)
class LtiPlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "issuer", "client_id", "family_code", "organisation", "active")
    list_filter = ("active", "family_code")
    search_fields = ("name", "issuer", "client_id")
    inlines = [LtiDeploymentInline]
    readonly_fields = ("registration", "created_at")


@admin.register(LtiToolKey)
class LtiToolKeyAdmin(admin.ModelAdmin):
    list_display = ("kid", "created_at", "retired_at")
    readonly_fields = ("kid", "public_jwk", "created_at", "retired_at")
    exclude = ("encrypted_private_key",)
    actions = ["rotate_keys"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Rotate: retire the active key and create a new one")
    def rotate_keys(self, request, queryset):
        key = keys.rotate()
        self.message_user(request, f"New tool key {key.kid}; retired keys stay in the JWKS for a while.",
                          messages.SUCCESS)


@admin.register(LtiRegistrationInvite)
class LtiRegistrationInviteAdmin(admin.ModelAdmin):
    list_display = ("organisation", "note", "expires_at", "used_at", "platform")
    readonly_fields = ("token", "registration_link", "used_at", "platform", "created_at")

    @admin.display(description="Registration URL to give the platform administrator")
    def registration_link(self, obj):
        return f"{lti_settings.base_url()}/lti/register/{obj.token}/" if obj.pk else "-"


@admin.register(LtiContext)
class LtiContextAdmin(admin.ModelAdmin):
    list_display = ("context_id", "platform", "updated_at")
    search_fields = ("context_id",)
    readonly_fields = ("platform", "deployment", "context_id", "resource_link_id", "memberships_url",
                       "lineitems_url", "lineitem_url", "ags_scopes", "updated_at")

    def has_add_permission(self, request):
        return False

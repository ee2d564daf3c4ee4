"""Django admin for the catalogue: organisations, micro-credentials and versions, course tags, audit log."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.shortcuts import render

from . import audit
from .catalogue import lifecycle
from .models import (
    ApiToken,
    AuditLogEntry,
    CourseTag,
    IssuedCredential,
    Learner,
    LearnerAccount,
    LearningOutcome,
    MicroCredential,
    MicroCredentialVersion,
    Organisation,
    Pathway,
    Status,
)
from .models.microcredential import CONTENT_FIELDS
from .pathways import admin as _pathways_admin  # noqa: F401  (registers recognition admin pages)
from .status.service import StatusChangeRefused, change_status


def _actor(request) -> audit.Actor:
    return audit.Actor(label=f"user:{request.user.get_username()}", user=request.user)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["slug", "display_name", "country", "legal_identifier"]
    search_fields = ["slug", "legal_identifier"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(_actor(request), "edit" if change else "create", obj,
                     changes={name: str(form.cleaned_data.get(name)) for name in form.changed_data})


class LearningOutcomeInline(admin.TabularInline):
    model = LearningOutcome
    extra = 0

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.is_editable

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


class MicroCredentialVersionForm(forms.ModelForm):
    """Vocabulary-checked like the API; an unchanged free-text NQF level of an older version is left alone."""

    class Meta:
        model = MicroCredentialVersion
        fields = [*CONTENT_FIELDS, "awarding_bodies"]  # the admin passes its own field list (fieldsets) anyway

    def _get_validation_exclusions(self):
        excluded = super()._get_validation_exclusions()
        excluded.update(f for f in lifecycle.LEGACY_TOLERANT_FIELDS if f not in self.changed_data)
        return excluded


@admin.register(MicroCredentialVersion)
class MicroCredentialVersionAdmin(admin.ModelAdmin):
    form = MicroCredentialVersionForm
    list_display = ["microcredential", "version", "status", "eqf_level", "ects_credits", "published_at"]
    list_filter = ["status", "eqf_level", "participation_mode"]
    inlines = [LearningOutcomeInline]
    actions = ["submit_for_review", "publish", "retire"]

    def get_readonly_fields(self, request, obj=None):
        base = ["microcredential", "version", "status", "submitted_at", "published_at", "retired_at", "created_by"]
        if obj is not None and not obj.is_editable:
            return base + list(CONTENT_FIELDS) + ["awarding_bodies"]
        return base

    def has_add_permission(self, request):
        return False  # versions are created through the micro-credential (API or lifecycle services)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(_actor(request), "edit", obj.microcredential,
                     changes={"version": obj.version, "fields": list(form.changed_data)})

    def _run(self, request, queryset, service, done: str):
        for version in queryset.select_related("microcredential"):
            try:
                service(version.microcredential, actor=_actor(request))
                self.message_user(request, f"{version.microcredential}: {done}.")
            except (lifecycle.LifecycleError, lifecycle.IncompleteMicroCredential) as exc:
                self.message_user(request, f"{version.microcredential}: {exc}", level=messages.ERROR)

    @admin.action(description="Submit selected drafts for review")
    def submit_for_review(self, request, queryset):
        self._run(request, queryset.filter(status=Status.DRAFT), lifecycle.submit_for_review, "in review")

    @admin.action(description="Publish selected versions in review")
    def publish(self, request, queryset):
        self._run(request, queryset.filter(status=Status.IN_REVIEW), lifecycle.publish, "published")

    @admin.action(description="Retire selected published versions")
    def retire(self, request, queryset):
        self._run(request, queryset.filter(status=Status.PUBLISHED), lifecycle.retire, "retired")


class VersionInline(admin.TabularInline):
    model = MicroCredentialVersion
    fields = ["version", "status", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(MicroCredential)
class MicroCredentialAdmin(admin.ModelAdmin):
    list_display = ["slug", "organisation", "created_at"]
    list_filter = ["organisation"]
    inlines = [VersionInline]

    def get_readonly_fields(self, request, obj=None):
        return ["organisation", "slug"] if obj is not None else []


@admin.register(CourseTag)
class CourseTagAdmin(admin.ModelAdmin):
    list_display = ["course_id", "platform", "platform_instance", "microcredential", "rule", "active"]
    list_filter = ["platform", "rule", "active"]


@admin.register(Pathway)
class PathwayAdmin(admin.ModelAdmin):
    """Pathways are saved through the pathway service: rule checks, cycle refusal, component index rebuild."""

    list_display = ["slug", "organisation", "microcredential", "revocation_policy", "active"]
    exclude = ["components"]

    def save_model(self, request, obj, form, change):
        from django.core.exceptions import ValidationError as DjangoValidationError

        from .pathways.definition import save_pathway

        try:
            save_pathway(obj)
        except (DjangoValidationError, ValueError) as exc:
            self.message_user(request, f"The pathway was not saved: {exc}", level=messages.ERROR)
            return
        audit.record(_actor(request), "edit" if change else "create", obj, changes={"rule": obj.rule})


class LearnerAccountInline(admin.TabularInline):
    model = LearnerAccount
    extra = 0


@admin.register(Learner)
class LearnerAdmin(admin.ModelAdmin):
    list_display = ["id", "given_name", "family_name", "email", "email_verified"]
    search_fields = ["email", "family_name"]
    inlines = [LearnerAccountInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "key_prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_prefix", "created_at", "last_used_at"]
    exclude = ["key_hash"]

    def has_add_permission(self, request):
        return False  # created with `mc-bridge manage create_api_token`, which shows the secret once


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "actor_label"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StatusChangeForm(forms.Form):
    reason = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Kept in the audit log.")


@admin.register(IssuedCredential)
class IssuedCredentialAdmin(admin.ModelAdmin):
    """Issued credentials are never edited; admins revoke, suspend or unsuspend them with a reason."""

    list_display = ["credential_id", "format", "state", "issued_at", "award"]
    list_filter = ["format", "state"]
    search_fields = ["credential_id"]
    readonly_fields = ["award", "format", "credential_id", "state", "issued_at", "status_list", "status_index", "key"]
    exclude = ["payload"]
    actions = ["revoke", "suspend", "unsuspend"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _change(self, request, queryset, action: str):
        form = StatusChangeForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return render(request, "admin/mc_lms_bridge/status_change.html", {
                **self.admin_site.each_context(request), "form": form, "action": action, "credentials": queryset,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME, "opts": self.model._meta})
        for credential in queryset:
            try:
                change_status(credential, action, actor=_actor(request), reason=form.cleaned_data["reason"])
                self.message_user(request, f"{credential.credential_id}: {action} done.")
            except StatusChangeRefused as exc:
                self.message_user(request, f"{credential.credential_id}: {exc}", level=messages.ERROR)
        return None

    @admin.action(description="Revoke selected credentials (permanent)")
    def revoke(self, request, queryset):
        return self._change(request, queryset, "revoke")

    @admin.action(description="Suspend selected credentials")
    def suspend(self, request, queryset):
        return self._change(request, queryset, "suspend")

    @admin.action(description="Lift the suspension of selected credentials")
    def unsuspend(self, request, queryset):
        return self._change(request, queryset, "unsuspend")

"""Admin for recognition of prior learning: rules, and every decision with its verification report, reviewable."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from ..models import Recognition, RecognitionRule


@admin.register(RecognitionRule)
class RecognitionRuleAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "achievement_id", "alignment_url", "min_ects", "min_eqf", "active")
    list_filter = ("organisation", "active")


@admin.register(Recognition)
class RecognitionAdmin(admin.ModelAdmin):
    """Decisions are reviewed here; the submitted credential and its verification report stay read-only."""

    list_display = ("learner", "issuer", "title", "decision", "reviewer", "created_at")
    list_filter = ("organisation", "decision")
    search_fields = ("credential_id", "issuer", "achievement_id", "learner__email")
    readonly_fields = ("organisation", "learner", "submitted", "credential_id", "issuer", "achievement_id", "title",
                       "ects", "eqf", "alignments", "grade", "verification", "rule", "reviewer", "reviewed_at")

    def save_model(self, request, obj, form, change):
        if change and "decision" in form.changed_data:
            from .recognition import ReviewRefused, review_recognition

            try:
                review_recognition(Recognition.objects.get(pk=obj.pk), decision=obj.decision, reason=obj.reason,
                                   reviewer=request.user)
            except ReviewRefused as exc:
                self.message_user(request, str(exc), level="error")
            return
        obj.reviewed_at = obj.reviewed_at or (timezone.now() if change else None)
        super().save_model(request, obj, form, change)

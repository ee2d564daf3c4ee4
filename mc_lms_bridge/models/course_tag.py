"""CourseTag: an LMS course tagged as leading to a micro-credential, with its completion rule."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .learner import PLATFORM_CHOICES
from .microcredential import MicroCredential


class CompletionRule(models.TextChoices):
    PASSED = "passed", "Learner passed the course"
    COMPLETED = "completed", "Course completion flag set"
    MIN_GRADE = "min_grade", "Grade at least a minimum"


class CourseTag(models.Model):
    """Links a course on an LMS platform instance to a micro-credential (the instructor's tagging action)."""

    microcredential = models.ForeignKey(MicroCredential, on_delete=models.CASCADE, related_name="course_tags")
    platform = models.CharField(max_length=16, choices=PLATFORM_CHOICES)
    platform_instance = models.CharField(max_length=200, help_text="LMS base URL or LTI issuer.")
    course_id = models.CharField(max_length=255)
    rule = models.CharField(max_length=16, choices=CompletionRule.choices, default=CompletionRule.PASSED)
    min_grade = models.DecimalField(
        max_digits=5, decimal_places=4, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="For the min_grade rule: a fraction between 0 and 1 (0.8 = 80%).")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "mc_lms_bridge"
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "platform_instance", "course_id", "microcredential"], name="uniq_course_tag"),
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.course_id} -> {self.microcredential}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.rule == CompletionRule.MIN_GRADE and self.min_grade is None:
            raise ValidationError({"min_grade": "The min_grade rule needs a minimum grade between 0 and 1."})
        if self.rule != CompletionRule.MIN_GRADE and self.min_grade is not None:
            raise ValidationError({"min_grade": "A minimum grade only applies to the min_grade rule."})

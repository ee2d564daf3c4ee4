"""Course tags endpoint: tag an LMS course as leading to one of the caller's micro-credentials."""

from rest_framework import viewsets

from ...audit import Actor, record
from ...models import CourseTag, MicroCredential
from ..permissions import CatalogueAccess, visible_organisations
from ..serializers.course_tag import CourseTagSerializer
from .base import ApiViewMixin


class CourseTagViewSet(ApiViewMixin, viewsets.ModelViewSet):
    """Course tags of the caller's micro-credentials."""

    serializer_class = CourseTagSerializer
    permission_classes = [CatalogueAccess]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def _microcredentials(self):
        return MicroCredential.objects.filter(organisation__in=visible_organisations(self.request))

    def get_queryset(self):
        return CourseTag.objects.filter(microcredential__in=self._microcredentials()).order_by("id")

    def get_serializer(self, *args, **kwargs):
        kwargs["microcredentials"] = self._microcredentials()
        return super().get_serializer(*args, **kwargs)

    def perform_create(self, serializer):
        tag = serializer.save()
        record(Actor.from_request(self.request), "tag_course", tag.microcredential,
               changes={"course_tag": tag.pk, "platform": tag.platform, "course_id": tag.course_id})

    def perform_update(self, serializer):
        tag = serializer.save()
        record(Actor.from_request(self.request), "edit_course_tag", tag.microcredential,
               changes={"course_tag": tag.pk, **{k: str(v) for k, v in serializer.validated_data.items()}})

    def perform_destroy(self, instance):
        record(Actor.from_request(self.request), "untag_course", instance.microcredential,
               changes={"course_tag": instance.pk, "course_id": instance.course_id})
        instance.delete()

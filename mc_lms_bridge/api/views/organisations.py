"""Organisations endpoint: read for any API client; create/change for platform administrators."""

from rest_framework import mixins, viewsets

from ...audit import Actor, record
from ...models import Organisation
from ..permissions import StaffOnlyForWrites
from ..serializers.organisation import OrganisationSerializer
from .base import ApiViewMixin


class OrganisationViewSet(ApiViewMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                          viewsets.ReadOnlyModelViewSet):
    """Issuers and awarding bodies (public information, referenced by slug)."""

    queryset = Organisation.objects.all().order_by("slug")
    serializer_class = OrganisationSerializer
    permission_classes = [StaffOnlyForWrites]
    lookup_field = "slug"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer):
        organisation = serializer.save()
        record(Actor.from_request(self.request), "create", organisation, changes=dict(self.request.data))

    def perform_update(self, serializer):
        organisation = serializer.save()
        record(Actor.from_request(self.request), "edit", organisation, changes=dict(self.request.data))

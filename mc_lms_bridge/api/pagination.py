"""Pagination of list endpoints (page size from MC_LMS_BRIDGE['API_PAGE_SIZE'])."""

from rest_framework.pagination import PageNumberPagination

from ..conf import app_settings


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        self.page_size = app_settings.API_PAGE_SIZE
        return super().get_page_size(request)

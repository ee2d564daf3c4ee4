"""Common configuration of API views: authentication, strict JSON parsing, explicit permissions."""

from rest_framework import authentication

from ..authentication import ApiTokenAuthentication
from ..parsers import StrictJSONParser


class ApiViewMixin:
    authentication_classes = [ApiTokenAuthentication, authentication.SessionAuthentication]
    parser_classes = [StrictJSONParser]

"""Public verification endpoint: POST any OB3 credential (JSON or VC-JWT) or sealed EDC file, get every check."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import parsers, permissions, status, views
from rest_framework.response import Response

from ...verification.service import CredentialInputError, verify_any
from ..parsers import read_limited_body


class RawBodyParser(parsers.BaseParser):
    """Hands the raw body to the verifier (JSON credential, compact JWS, sealed EDC JSON)."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return read_limited_body(stream, parser_context)


class VerifyView(views.APIView):
    """Anyone may verify a credential: the answer lists each check (proof, issuer, schema, dates, status)."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    parser_classes = [RawBodyParser]

    @extend_schema(
        operation_id="verify_credential", request={"application/json": dict, "application/jwt": str},
        responses={200: dict, 400: dict, 413: dict},
        examples=[OpenApiExample("Data Integrity credential", value={"@context": ["..."], "proof": {}})])
    def post(self, request):
        body = request.data if isinstance(request.data, bytes) else b""  # DRF gives {} for an empty body
        try:
            result = verify_any(body)
        except CredentialInputError as exc:
            return Response({"detail": str(exc), "code": "not_a_credential"}, status=status.HTTP_400_BAD_REQUEST)
        return Response(result)

"""Wallet-facing OpenID4VCI endpoints (metadata, offer by reference, token, nonce, credential) and offer creation."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from rest_framework import exceptions, parsers, permissions, serializers, status, views
from rest_framework.response import Response

from ..api.parsers import StrictJSONParser
from ..api.permissions import is_staff_session, token_of, visible_organisations
from ..api.views.base import ApiViewMixin
from ..models import IssuedCredential
from . import metadata
from .access import HoldsWalletToken, WalletTokenAuthentication
from .credential_request import handle_credential_request
from .errors import OAuthError, error_response, no_store
from .grant import exchange_code
from .nonces import issue_nonce
from .offers import OfferRefused, create_offer, offer_by_handle

OFFER_SCOPE = "credentials:read"


class WalletEndpoint(views.APIView):
    """Base of wallet endpoints: no session or API-token auth, spec-shaped JSON errors for every refusal."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]
    bad_request_error = "invalid_request"

    def handle_exception(self, exc):
        if isinstance(exc, OAuthError):
            return error_response(exc)
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.PermissionDenied):
            error = OAuthError("invalid_token", "An access token from the token endpoint is required.", status=401,
                               headers={"WWW-Authenticate": "Bearer"})
            return error_response(error)
        if isinstance(exc, exceptions.APIException):
            code = "invalid_request" if exc.status_code == 405 else self.bad_request_error
            return error_response(OAuthError(code, str(exc.detail), status=exc.status_code))
        return super().handle_exception(exc)


class CredentialIssuerMetadataView(WalletEndpoint):
    """GET /.well-known/openid-credential-issuer: public credential issuer metadata."""

    def get(self, request):
        return JsonResponse(metadata.credential_issuer_metadata())


class AuthorizationServerMetadataView(WalletEndpoint):
    """GET /.well-known/oauth-authorization-server: public RFC 8414 metadata (token endpoint)."""

    def get(self, request):
        return JsonResponse(metadata.authorization_server_metadata())


class OfferByReferenceView(WalletEndpoint):
    """GET /oid4vci/offers/<handle>: the credential offer behind a credential_offer_uri (the handle is the secret)."""

    def get(self, request, handle):
        document = offer_by_handle(handle, now=timezone.now())
        if document is None:
            return error_response(OAuthError("not_found", "No live offer here (unknown, expired or used).",
                                             status=404))
        return no_store(JsonResponse(document))


class TokenView(WalletEndpoint):
    """POST /oid4vci/token: anyone holding a pre-authorized code (and its PIN) may redeem it once."""

    parser_classes = [parsers.FormParser]

    def post(self, request):
        return no_store(JsonResponse(exchange_code(request.data, now=timezone.now())))


class NonceView(WalletEndpoint):
    """POST /oid4vci/nonce: a fresh single-use c_nonce for anyone (it proves freshness, not identity)."""

    def post(self, request):
        return no_store(JsonResponse({"c_nonce": issue_nonce(now=timezone.now())}))


class CredentialView(WalletEndpoint):
    """POST /oid4vci/credential: needs the access token from the token endpoint and a jwt key proof."""

    authentication_classes = [WalletTokenAuthentication]
    permission_classes = [HoldsWalletToken]
    parser_classes = [StrictJSONParser]
    bad_request_error = "invalid_credential_request"

    def post(self, request):
        return no_store(JsonResponse(handle_credential_request(request.data, request.auth, now=timezone.now())))


class CanOfferCredentials(permissions.BasePermission):
    """Staff sessions, or API tokens with the credentials:read scope (limited to their organisation)."""

    message = f"Offering a credential to a wallet needs a staff session or the {OFFER_SCOPE} scope."

    def has_permission(self, request, view) -> bool:
        token = token_of(request)
        return is_staff_session(request) or (token is not None and token.has_scope(OFFER_SCOPE))


class OfferRequestSerializer(serializers.Serializer):
    credential = serializers.UUIDField()
    tx_code = serializers.BooleanField(default=True)


class CreateOfferView(ApiViewMixin, views.APIView):
    """POST /oid4vci/offers: create a wallet offer for an OB3 credential of the caller's organisation."""

    permission_classes = [CanOfferCredentials]

    def post(self, request):
        body = OfferRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        credential = get_object_or_404(
            IssuedCredential.objects.filter(
                award__version__microcredential__organisation__in=visible_organisations(request)),
            pk=body.validated_data["credential"])
        try:
            offer = create_offer(credential, tx_code=body.validated_data["tx_code"])
        except OfferRefused as exc:
            raise serializers.ValidationError({"credential": [str(exc)]})
        response = Response({
            "id": offer.id, "credential_offer": offer.credential_offer, "deep_link": offer.deep_link,
            "credential_offer_uri": offer.credential_offer_uri, "qr_url": offer.qr_url, "tx_code": offer.tx_code,
            "expires_at": offer.expires_at.isoformat()}, status=status.HTTP_201_CREATED)
        response["Cache-Control"] = "no-store"
        return response

"""URLs of the oid4vci package (mounted at the site root by mc_lms_bridge.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path(".well-known/openid-credential-issuer", views.CredentialIssuerMetadataView.as_view(),
         name="oid4vci-issuer-metadata"),
    path(".well-known/oauth-authorization-server", views.AuthorizationServerMetadataView.as_view(),
         name="oid4vci-as-metadata"),
    path("oid4vci/offers", views.CreateOfferView.as_view(), name="oid4vci-offer-create"),
    path("oid4vci/offers/<str:handle>", views.OfferByReferenceView.as_view(), name="oid4vci-offer"),
    path("oid4vci/token", views.TokenView.as_view(), name="oid4vci-token"),
    path("oid4vci/nonce", views.NonceView.as_view(), name="oid4vci-nonce"),
    path("oid4vci/credential", views.CredentialView.as_view(), name="oid4vci-credential"),
]

"""URLs of the web package: public credential pages and downloads, the verify page, the learner wallet."""

from django.urls import path

from .views import public, sign_in, verify, wallet

urlpatterns = [
    path("c/<uuid:credential_id>", public.credential_page, name="credential-page"),
    path("c/<uuid:credential_id>/qr.svg", public.qr_code, name="credential-qr"),
    path("c/<uuid:credential_id>/<str:kind>", public.download, name="credential-download"),
    path("verify", verify.verify_page, name="verify-page"),
    path("wallet", wallet.wallet, name="wallet"),
    path("wallet/sign-in", sign_in.sign_in_form, name="wallet-sign-in"),
    path("wallet/sign-in/<str:token>", sign_in.redeem, name="wallet-redeem"),
    path("wallet/sign-out", sign_in.sign_out, name="wallet-sign-out"),
    path("wallet/export.zip", wallet.export, name="wallet-export"),
    path("wallet/erase", wallet.erase, name="wallet-erase"),
    path("wallet/visibility/<uuid:credential_id>", wallet.visibility, name="wallet-visibility"),
]

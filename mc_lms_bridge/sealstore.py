"""E-seal store: import an institution's PKCS#12 e-seal or create a development seal; open it for sealing."""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.db import transaction
from django.utils import timezone

from .crypto import keys as key_crypto
from .crypto import seal_material as seals
from .keystore import key_encryption_key
from .models import Organisation, OrganisationSeal


class SealIdentityMismatch(seals.SealMaterialError):
    """The seal certificate names another legal entity than the organisation."""


def _chain_pem(material: seals.SealMaterial) -> str:
    return "".join(c.public_bytes(Encoding.PEM).decode("ascii") for c in material.chain)


def check_identity(organisation: Organisation, material: seals.SealMaterial) -> None:
    """The certificate's organizationIdentifier and country must be the organisation's (as the EU issuer fills)."""
    identity = seals.eidas_identity_from_certificate(material.certificate)
    if identity.organisation_identifier and identity.organisation_identifier != organisation.legal_identifier:
        raise SealIdentityMismatch(
            f"The seal certificate's organisation identifier is {identity.organisation_identifier!r} but "
            f"{organisation.slug} has legal identifier {organisation.legal_identifier!r}.")
    if identity.country and identity.country.upper() != organisation.country.upper():
        raise SealIdentityMismatch(
            f"The seal certificate's country is {identity.country!r} but {organisation.slug} is in "
            f"{organisation.country!r}.")


@transaction.atomic
def store_seal(organisation: Organisation, material: seals.SealMaterial, *, development: bool) -> OrganisationSeal:
    """Check and store a seal; it replaces the previous one for new credentials."""
    check_identity(organisation, material)
    now = timezone.now()
    OrganisationSeal.objects.filter(organisation=organisation, retired_at__isnull=True).update(retired_at=now)
    seal = OrganisationSeal(
        organisation=organisation, certificate_chain_pem=_chain_pem(material), is_development=development,
        subject=material.certificate.subject.rfc4514_string()[:500], not_after=material.certificate.not_valid_after_utc,
        encrypted_private_key=b"")
    seal.save()
    seal.encrypted_private_key = key_crypto.seal_private_key(material.private_key, key_encryption_key(),
                                                             key_id=f"seal:{seal.pk}")
    seal.save(update_fields=["encrypted_private_key"])
    return seal


def import_pkcs12(organisation: Organisation, data: bytes, password: bytes | None) -> OrganisationSeal:
    """Load, validate (password, key/cert match, validity, key usage, identity) and store a PKCS#12 e-seal."""
    material = seals.load_seal_from_pkcs12(data, password, now=timezone.now())
    return store_seal(organisation, material, development=seals.is_development_seal(material.certificate))


def create_development_seal(organisation: Organisation, *, valid_days: int = 365) -> OrganisationSeal:
    """A self-signed, NOT qualified seal carrying the organisation's identity, for development and demos."""
    now = timezone.now()
    bundle = seals.create_development_seal(
        organisation_name=organisation.display_name, country=organisation.country,
        organisation_identifier=organisation.legal_identifier, password=None, valid_days=valid_days, now=now)
    return store_seal(organisation, seals.load_seal_from_pkcs12(bundle, None, now=now), development=True)


def active_seal(organisation: Organisation) -> OrganisationSeal | None:
    return (OrganisationSeal.objects.filter(organisation=organisation, retired_at__isnull=True)
            .order_by("-created_at").first())


def open_seal(seal: OrganisationSeal, *, now: datetime) -> seals.SealMaterial:
    """Decrypt and re-check the seal at ``now`` (an expired certificate is refused here, before sealing)."""
    private_key = key_crypto.open_private_key(bytes(seal.encrypted_private_key), key_encryption_key(),
                                              key_id=f"seal:{seal.pk}")
    chain = x509.load_pem_x509_certificates(seal.certificate_chain_pem.encode("ascii"))
    return seals.check_seal_material(private_key, chain[0], tuple(chain[1:]), now=now)


def trust_anchors(extra_pem_paths=()) -> list[x509.Certificate]:
    """Certificates a JAdES seal may chain to: configured anchors plus our own development seals."""
    anchors = []
    for path in extra_pem_paths:
        with open(path, "rb") as handle:
            anchors.extend(x509.load_pem_x509_certificates(handle.read()))
    for seal in OrganisationSeal.objects.all():
        chain = x509.load_pem_x509_certificates(seal.certificate_chain_pem.encode("ascii"))
        if seal.is_development:
            anchors.append(chain[0])
    return anchors

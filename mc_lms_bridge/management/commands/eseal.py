"""Manage an organisation's e-seal for Europass credentials: import a PKCS#12, create a development seal, show."""

import os

from django.core.management.base import BaseCommand, CommandError

from ... import sealstore
from ...crypto.seal_material import SealMaterialError
from ...models import Organisation, OrganisationSeal

NOT_QUALIFIED = ("WARNING: this is a self-signed DEVELOPMENT seal. It is NOT a qualified electronic seal; "
                 "Europass and relying parties will not trust it. Import your institution's e-seal for production.")


class Command(BaseCommand):
    help = "Import (PKCS#12), create (development only) or show the e-seal used to seal Europass credentials."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import", "create-development", "show"])
        parser.add_argument("organisation", help="Organisation slug.")
        parser.add_argument("--pkcs12", help="Path of the PKCS#12 (.p12/.pfx) file, for import.")
        parser.add_argument("--password-env", help="Name of the environment variable holding the PKCS#12 password.")

    def handle(self, *args, action, organisation, pkcs12, password_env, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"No organisation with slug {organisation!r}.")
        try:
            if action == "import":
                seal = sealstore.import_pkcs12(org, self._read(pkcs12), self._password(password_env))
            elif action == "create-development":
                seal = sealstore.create_development_seal(org)
            else:
                seal = sealstore.active_seal(org)
        except SealMaterialError as exc:
            raise CommandError(f"The e-seal was refused: {exc}")
        if seal is None:
            raise CommandError(f"{org.slug} has no e-seal yet.")
        self._describe(seal)

    def _read(self, path):
        if not path:
            raise CommandError("Give the PKCS#12 file with --pkcs12 PATH.")
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.")

    def _password(self, variable):
        if not variable:
            return None
        if variable not in os.environ:
            raise CommandError(f"The environment variable {variable} is not set.")
        return os.environ[variable].encode("utf-8")

    def _describe(self, seal: OrganisationSeal):
        self.stdout.write(f"{seal.organisation.slug}: {seal.subject}, valid until {seal.not_after:%Y-%m-%d}.")
        if seal.is_development:
            self.stdout.write(NOT_QUALIFIED)

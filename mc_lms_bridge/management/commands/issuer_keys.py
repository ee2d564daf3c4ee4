"""Manage issuer keys: list, create, rotate (public data only is ever printed)."""

from django.core.management.base import BaseCommand, CommandError

from ... import identity, keystore
from ...models import IssuerKey, KeyAlgorithm, Organisation


class Command(BaseCommand):
    help = "List, create or rotate an organisation's signing keys. Private keys are never printed."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["list", "create", "rotate"])
        parser.add_argument("organisation", help="Organisation slug.")
        parser.add_argument("--algorithm", choices=KeyAlgorithm.values, default=KeyAlgorithm.ED25519)

    def handle(self, *args, action, organisation, algorithm, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"No organisation with slug {organisation!r}.")
        if action == "create":
            key = keystore.create_key(org, algorithm)
            self.stdout.write(f"Created {identity.verification_method_id(key)} ({key.algorithm}).")
        elif action == "rotate":
            key = keystore.rotate(org, algorithm)
            self.stdout.write(f"New signing key {identity.verification_method_id(key)}; previous {algorithm} keys "
                              "are retired and keep verifying the credentials they signed.")
        for key in IssuerKey.objects.filter(organisation=org).order_by("algorithm", "created_at"):
            state = f"retired {key.retired_at:%Y-%m-%d}" if key.retired_at else "signing"
            self.stdout.write(f"  {identity.verification_method_id(key)}  {key.algorithm:6}  {state}")

"""Create an API token for an organisation and print its secret once."""

from django.core.management.base import BaseCommand, CommandError

from ...models import ApiToken, Organisation
from ...models.api_token import ALL_SCOPES


class Command(BaseCommand):
    help = "Create a per-organisation API token; the secret is printed once and only its hash is stored."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="Organisation slug.")
        parser.add_argument("name", help="A name to recognise the token by.")
        parser.add_argument("--scope", action="append", choices=ALL_SCOPES,
                            help="Limit the token to these scopes (repeatable); default: all.")

    def handle(self, *args, organisation, name, scope, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"No organisation with slug {organisation!r}.")
        token, raw = ApiToken.objects.create_token(organisation=org, name=name, scopes=scope)
        self.stdout.write(f"Token {token.name} for {org.slug} (scopes: {', '.join(token.scopes)}):\n{raw}\n"
                          "Store it now: it cannot be shown again.")

"""Register or update a Moodle site: web-services token and webhook secret read from environment variables."""

import os

from django.core.management.base import BaseCommand, CommandError

from ...models import MoodleSite


class Command(BaseCommand):
    help = ("Add or update a Moodle site (base URL, web-services token, webhook secret). Secrets are read from "
            "environment variables, stored encrypted and never printed.")

    def add_arguments(self, parser):
        parser.add_argument("base_url", help="Moodle base URL, e.g. https://moodle.example.edu")
        parser.add_argument("--name", default="")
        parser.add_argument("--token-env", required=True, help="Variable holding the web-services token.")
        parser.add_argument("--webhook-secret-env", help="Variable holding the webhook HMAC secret.")
        parser.add_argument("--verifies-emails", action="store_true",
                            help="The site confirms users' e-mail addresses (allows linking learners by e-mail).")

    def handle(self, *args, base_url, name, token_env, webhook_secret_env, verifies_emails, **options):
        token = self._secret(token_env)
        site = MoodleSite.objects.filter(base_url=base_url.rstrip("/")).first() or MoodleSite(
            base_url=base_url.rstrip("/"))
        site.name = name or site.name or base_url
        site.verifies_emails = verifies_emails
        site.set_token(token)
        if webhook_secret_env:
            site.set_webhook_secret(self._secret(webhook_secret_env))
        site.full_clean()
        site.save()
        self.stdout.write(f"Moodle site {site.base_url} saved (token stored encrypted).")

    def _secret(self, variable):
        value = os.environ.get(variable)
        if not value:
            raise CommandError(f"The environment variable {variable} is empty or not set.")
        return value

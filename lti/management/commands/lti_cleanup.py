"""lti_cleanup: delete expired LTI login nonces and launches (see lti.cleanup.purge_expired)."""

from django.core.management.base import BaseCommand

from lti.cleanup import purge_expired


class Command(BaseCommand):
    help = "Delete expired LTI login states/nonces and launches."

    def handle(self, *args, **options):
        purged = purge_expired()
        self.stdout.write(f"Deleted {purged.nonces} expired nonce(s) and {purged.launches} expired launch(es).")

"""Revoke, suspend or unsuspend an issued credential from the command line (reason kept in the audit log)."""

from django.core.management.base import BaseCommand, CommandError

from ... import audit
from ...models import IssuedCredential
from ...status.service import TRANSITIONS, StatusChangeRefused, change_status


class Command(BaseCommand):
    help = "Change the status of an issued credential: revoke, suspend or unsuspend."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=sorted(TRANSITIONS))
        parser.add_argument("credential", help="Credential UUID (as in /c/<uuid>) or its urn:uuid id.")
        parser.add_argument("--reason", required=True, help="Why; stored in the audit log.")

    def handle(self, *args, action, credential, reason, **options):
        value = credential.removeprefix("urn:uuid:")
        found = (IssuedCredential.objects.filter(credential_id=f"urn:uuid:{value}").order_by("format").first())
        if found is None:
            raise CommandError(f"No issued credential {credential!r}.")
        try:
            change_status(found, action, actor=audit.Actor(label="cli"), reason=reason)
        except StatusChangeRefused as exc:
            raise CommandError(str(exc))
        self.stdout.write(f"{found.credential_id}: {action} done.")

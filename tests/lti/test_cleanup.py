"""Expired login nonces and launches are purged; live ones and course service endpoints stay."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from lti.cleanup import purge_expired
from lti.models import LtiContext, LtiLaunch, LtiNonce


def test_purge_removes_only_expired_rows(client, moodle):
    assert moodle.launch().status_code == 303  # one used nonce and one launch
    assert moodle.launch().status_code == 303
    moodle.login("moodle-user-9")  # one open nonce
    LtiContext.objects.create(platform=moodle.record, deployment=moodle.record.deployments.get(),
                              context_id="course-7", memberships_url="https://moodle.test/nrps")
    past = timezone.now() - timedelta(seconds=1)
    old_launch, live_launch = LtiLaunch.objects.order_by("created_at")
    LtiLaunch.objects.filter(pk=old_launch.pk).update(expires_at=past)
    open_nonce = LtiNonce.objects.get(used_at__isnull=True)
    LtiNonce.objects.exclude(pk=open_nonce.pk).update(expires_at=past)

    purged = purge_expired()
    assert (purged.nonces, purged.launches) == (2, 1)
    assert list(LtiLaunch.objects.all()) == [live_launch] and list(LtiNonce.objects.all()) == [open_nonce]
    assert LtiContext.objects.count() == 1
    assert client.get("/lti/course/", {"launch": live_launch.launch_id}).status_code == 200

    later = timezone.now() + timedelta(days=1)
    assert purge_expired(now=later) == type(purged)(nonces=1, launches=1)


def test_management_command_reports_counts(client, moodle):
    moodle.login("moodle-user-9")
    LtiNonce.objects.update(expires_at=timezone.now() - timedelta(minutes=5))
    out = StringIO()
    call_command("lti_cleanup", stdout=out)
    assert out.getvalue().strip() == "Deleted 1 expired nonce(s) and 0 expired launch(es)."
    assert LtiNonce.objects.count() == 0

"""Runs the demo steps in order and prints where to look next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..conf import app_settings
from .catalogue_step import load_fixture, run_catalogue_step
from .issuance_step import run_issuance_step
from .output import DemoOutput
from .pathway_step import run_pathway_step


def run_demo(out_dir: Path | None = None, echo: Callable[[str], None] = print) -> DemoOutput:
    """Run every demo step; return the output (with the list of files written)."""
    out = DemoOutput(out_dir, echo)
    out.say("== mc-lms-bridge demo ==")
    fixture = load_fixture()
    microcredential = run_catalogue_step(fixture, out)
    credentials = run_issuance_step(microcredential, fixture, out)
    learner = next(iter(credentials.values())).award.learner
    run_pathway_step(microcredential, learner, fixture, out)
    from django.core import mail

    for message in getattr(mail, "outbox", []):
        out.say(f"E-mail         to {message.to[0]}: {message.subject}")
    base = app_settings.BASE_URL.rstrip("/")
    out.say("")
    out.say("Where to look (after `mc-bridge serve`):")
    out.say(f"  Admin:       {base}/admin/  (create a login: mc-bridge manage createsuperuser)")
    out.say(f"  API:         {base}/api/v1/micro-credentials/{microcredential.pk}/  "
            "(token: mc-bridge manage create_api_token univ-leuven-demo NAME)")
    out.say(f"  API schema:  {base}/api/schema/")
    if out.written:
        out.say("Files written:")
        for path in out.written:
            out.say(f"  {path}")
    return out

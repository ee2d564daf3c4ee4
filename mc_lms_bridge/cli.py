"""The `mc-bridge` console script: demo, serve, and Django management commands of the standalone service."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SETTINGS_MODULE = "mc_lms_bridge.service.settings"


def _setup_django(migrate: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate", interactive=False, verbosity=0)


def _check_or_exit() -> None:
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", fail_level="ERROR")
    except SystemCheckError as exc:
        sys.stderr.write(f"mc-bridge: the configuration is invalid:\n{exc}\n")
        raise SystemExit(2)


def command_demo(args) -> int:
    # The demo lists the e-mails it would send instead of printing them whole.
    os.environ.setdefault("MC_BRIDGE_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    _setup_django(migrate=True)
    _check_or_exit()
    from .demo.api_client import DemoStepFailed
    from .demo.runner import run_demo

    try:
        run_demo(Path(args.out).resolve() if args.out else None)
    except DemoStepFailed as exc:
        sys.stderr.write(f"mc-bridge demo: a step failed: {exc}\n")
        return 1
    return 0


def command_serve(args) -> int:
    _setup_django(migrate=True)
    from django.core.management import call_command

    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False)
    return 0


def command_manage(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mc-bridge manage", *args.arguments])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mc-bridge", description="EU micro-credentials from LMS completions.")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="Create, publish and issue sample micro-credentials end to end.")
    demo.add_argument("--out", metavar="DIR", help="Also write every artifact the demo produces into DIR.")
    demo.set_defaults(handler=command_demo)
    serve = commands.add_parser("serve", help="Run the standalone service (development server).")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=command_serve)
    manage = commands.add_parser("manage", help="Run a Django management command, e.g. `manage migrate`.")
    manage.add_argument("arguments", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=command_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .service.environment import ConfigurationError

    try:
        return args.handler(args)
    except ConfigurationError as exc:
        sys.stderr.write(f"mc-bridge: {exc}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())

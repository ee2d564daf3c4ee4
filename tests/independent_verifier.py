"""Independent verifier: run the Digital Bazaar JS stack (tests/js/verify.mjs) on credentials, fully offline.

Each result is a dict::

    {"verified": bool,        # the Digital Bazaar verdict (proof, purpose, dates, status-list credential)
     "valid": bool,           # verified and no revocation/suspension bit set
     "revoked": bool | None,  # None when no revocation entry was checked
     "suspended": bool | None,
     "error": str | None,     # flattened library error messages
     "statusResult": dict | None,
     "raw": dict}             # compact library result

``documents`` maps URLs / DIDs to the documents the loader may serve besides the pinned official
contexts: the issuer's controller or DID document (verification methods are resolved out of it by
fragment; it must list the method under ``assertionMethod``) and the status list credential(s).
Anything else (unknown context, unsupplied URL) is refused, which surfaces as ``verified: False``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

JS_DIR = Path(__file__).resolve().parent / "js"
VERIFY_SCRIPT = JS_DIR / "verify.mjs"
SIGN_SCRIPT = JS_DIR / "sign.mjs"
_REQUIRED_MODULES = (
    "@digitalbazaar/vc",
    "@digitalbazaar/data-integrity",
    "@digitalbazaar/eddsa-rdfc-2022-cryptosuite",
    "@digitalbazaar/ed25519-multikey",
    "@digitalbazaar/vc-bitstring-status-list",
)


class IndependentVerifierError(RuntimeError):
    """The JS harness could not run (missing node / node_modules, crash, unreadable output)."""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise IndependentVerifierError("`node` (Node.js >= 20) is not on PATH; it is needed for tests/js/verify.mjs")
    missing = [m for m in _REQUIRED_MODULES if not (JS_DIR / "node_modules" / m / "package.json").is_file()]
    if missing:
        raise IndependentVerifierError(
            f"tests/js/node_modules lacks {', '.join(missing)}: run `cd tests/js && npm ci`"
        )
    return node


def _run(script: Path, payload: Any, timeout: float) -> Any:
    proc = subprocess.run(
        [_node(), str(script)],
        input=json.dumps(payload).encode("utf-8"),
        capture_output=True,
        cwd=JS_DIR,
        timeout=timeout,
        check=False,
    )
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        raise IndependentVerifierError(f"{script.name} exited with {proc.returncode}: {stderr}")
    try:
        return json.loads(proc.stdout)
    except ValueError as exc:
        raise IndependentVerifierError(f"{script.name} printed no JSON ({exc}); stderr: {stderr}") from exc


def _request(credential: dict, documents: dict, check_status: bool, now: str | None) -> dict:
    request: dict[str, Any] = {"credential": credential, "documents": documents, "checkStatus": check_status}
    if now is not None:
        request["now"] = now
    return request


def verify_with_digital_bazaar(
    credential: dict, documents: dict, *, check_status: bool = True, now: str | None = None, timeout: float = 60.0
) -> dict:
    """Verify one credential in one node process (~1 s on a slow machine; prefer verify_many for several)."""
    return _run(VERIFY_SCRIPT, _request(credential, documents, check_status, now), timeout)


def verify_many(requests: Iterable[dict], *, timeout: float = 300.0) -> list[dict]:
    """Verify several requests in ONE node process.

    Each request is either ``{"credential", "documents", "checkStatus"?, "now"?}`` (the JS wire format)
    or ``{"credential", "documents", "check_status"?, "now"?}``; results come back in the same order.
    """
    batch = []
    for req in requests:
        check_status = req.get("checkStatus", req.get("check_status", True))
        batch.append(_request(req["credential"], req.get("documents", {}), bool(check_status), req.get("now")))
    if not batch:
        return []
    results = _run(VERIFY_SCRIPT, batch, timeout)
    if not isinstance(results, list) or len(results) != len(batch):
        raise IndependentVerifierError(f"verify.mjs returned {type(results).__name__} for a batch of {len(batch)}")
    return results


def sign_with_test_key(credential: dict, key: dict, *, created: str | None = None, timeout: float = 60.0) -> dict:
    """Sign a TEST fixture with a given (public test) key through the Digital Bazaar stack (tests/js/sign.mjs)."""
    request: dict[str, Any] = {"credential": credential, "key": key}
    if created is not None:
        request["created"] = created
    return _run(SIGN_SCRIPT, request, timeout)


def sign_many(requests: Iterable[dict], *, timeout: float = 300.0) -> list[dict]:
    """Sign several ``{"credential", "key", "created"?}`` TEST fixtures in one node process."""
    batch = list(requests)
    return _run(SIGN_SCRIPT, batch, timeout) if batch else []

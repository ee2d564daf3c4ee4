"""Validate EDC credentials fast: one full SHACL run per document *skeleton*, then only per-learner value checks.

Credentials of one micro-credential version differ only in per-award values: identifiers (UUIDs), timestamps, the
embedded page image, the learner's names and e-mail, the grade. The skeleton replaces exactly those values by
category placeholders after checking each value strictly for its category (a value that fails its check is left
in place, so the skeleton is new and the full validation runs). The ELM 3.2 shapes constrain such values only by
category (datatype, node kind, language-map structure: no sh:pattern, length or range applies to them), so a
credential whose skeleton equals one that passed the full SHACL validation conforms as well. Only conforming
skeletons are remembered; anything else always gets the full validation and its violation report.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import datetime

from .validation import EdcValidationReport, validate_edc

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})")
PNG_BASE64_PREFIX = "iVBORw0KGgo"
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
EMAIL_RE = re.compile(r"[^@\s]{1,64}@[^@\s]{1,255}")
MAX_TEXT = 300
CACHE_SIZE = 2048

_cache: OrderedDict[str, bool] = OrderedDict()
_lock = threading.Lock()


def _is_datetime(text: str) -> bool:
    if not DATETIME_RE.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_png_base64(text: str) -> bool:
    if len(text) < 100 or not text.startswith(PNG_BASE64_PREFIX):
        return False
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def personal_value_ok(text: str) -> bool:
    """A learner-specific text (name, e-mail, grade) the shapes accept whatever its content."""
    return bool(text.strip()) and len(text) <= MAX_TEXT and not CONTROL_RE.search(text)


def _placeholder(text: str, personal: frozenset[str]) -> str:
    if text in personal:
        return "\u2063person\u2063"
    if _is_datetime(text):
        return "\u2063datetime\u2063"
    if _is_png_base64(text):
        return "\u2063png\u2063"
    return UUID_RE.sub("\u2063uuid\u2063", text)


def skeleton(credential, personal: frozenset[str]) -> str:
    """The credential with per-award values replaced by category placeholders, as canonical JSON."""
    def walk(value):
        if isinstance(value, dict):
            return {_placeholder(k, frozenset()) if UUID_RE.search(k) else k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str):
            return _placeholder(value, personal)
        return value
    return json.dumps(walk(credential), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def personal_values(values: Iterable[str], *, emails: Iterable[str] = ()) -> frozenset[str]:
    """The learner-specific strings that may be abstracted (only those passing their category check)."""
    accepted = {v for v in values if isinstance(v, str) and personal_value_ok(v)}
    for email in emails:
        if isinstance(email, str) and EMAIL_RE.fullmatch(email) and personal_value_ok(email):
            accepted |= {email, f"mailto:{email}"}
    return frozenset(accepted)


def validate_edc_fast(credential: dict, personal: frozenset[str] = frozenset()) -> EdcValidationReport:
    """validate_edc, skipping the SHACL run when an identical skeleton already conformed."""
    key = hashlib.sha256(skeleton(credential, personal).encode("utf-8")).hexdigest()
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return EdcValidationReport(conforms=True, violations=())
    report = validate_edc(credential)
    if report.conforms:
        with _lock:
            _cache[key] = True
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return report


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _texts(language_map) -> list[str]:
    return [v for v in (language_map or {}).values() if isinstance(v, str)] if isinstance(language_map, dict) else []


def personal_values_of(credential: dict) -> frozenset[str]:
    """The learner-specific strings of an EDC document, read from it: names, e-mail, grade (for verifiers)."""
    values, emails = [], []
    for subject in _as_list(credential.get("credentialSubject")):
        if not isinstance(subject, dict):
            continue
        for field in ("givenName", "familyName", "fullName"):
            values += _texts(subject.get(field))
        for contact in _as_list(subject.get("contactPoint")):
            for mailbox in _as_list(contact.get("emailAddress") if isinstance(contact, dict) else None):
                address = mailbox.get("id", "") if isinstance(mailbox, dict) else ""
                if address.startswith("mailto:"):
                    emails.append(address.removeprefix("mailto:"))
        for claim in _as_list(subject.get("hasClaim")):
            for assessment in _as_list(claim.get("provenBy") if isinstance(claim, dict) else None):
                grade = assessment.get("grade") if isinstance(assessment, dict) else None
                values += _texts(grade.get("noteLiteral")) if isinstance(grade, dict) else []
    return personal_values(values, emails=emails)

"""Pure builders for BitstringStatusListCredential and BitstringStatusListEntry, and the status check.

Only ``statusSize`` 1 is supported (one bit per credential: revocation, suspension or refresh).
``check_status`` works on an already fetched status list credential; verifying that credential's
proof and validity period is the caller's job (see the Validate Algorithm, section 3.2, steps 4-5).
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from mc_lms_bridge.status.bitstring import BitstringError, BitstringSizeError, decode_list

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
LIST_CREDENTIAL_TYPE = "BitstringStatusListCredential"
LIST_SUBJECT_TYPE = "BitstringStatusList"
ENTRY_TYPE = "BitstringStatusListEntry"
SUPPORTED_PURPOSES = ("revocation", "suspension", "refresh")


class StatusListInputError(ValueError):
    """An argument given to a status list builder is malformed."""


@dataclass(frozen=True)
class StatusResult:
    """Outcome of a status check: the bit read (0/1) or None, and one sentence per finding."""

    purpose: str | None
    status: int | None
    reasons: tuple[str, ...]

    @property
    def determined(self) -> bool:
        """True when the status bit could be read."""
        return self.status is not None

    @property
    def valid(self) -> bool:
        """True only when the bit was read and is 0 (not revoked / not suspended)."""
        return self.status == 0


def _check_url(name: str, value: str) -> None:
    if not isinstance(value, str) or not value:
        raise StatusListInputError(f"{name} must be a non-empty URL string.")
    parts = urlsplit(value)
    if not parts.scheme or parts.fragment:
        raise StatusListInputError(f"{name} must be an absolute URL without a fragment, got {value!r}.")


def _check_purpose(purpose: str) -> None:
    if purpose not in SUPPORTED_PURPOSES:
        raise StatusListInputError(
            f"statusPurpose must be one of {', '.join(SUPPORTED_PURPOSES)}, got {purpose!r}."
        )


def _xsd_datetime(name: str, value: datetime | str) -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise StatusListInputError(f"{name} is not an ISO 8601 date-time: {value!r}.") from None
    if not isinstance(value, datetime):
        raise StatusListInputError(f"{name} must be a datetime or an ISO 8601 string.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise StatusListInputError(f"{name} must carry a time zone.")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_status_list_credential(
    *,
    list_url: str,
    issuer_id: str,
    purpose: str,
    encoded_list: str,
    valid_from: datetime | str,
    valid_until: datetime | str | None = None,
    ttl_ms: int | None = None,
) -> dict:
    """Return an unsigned VC 2.0 BitstringStatusListCredential whose subject is ``list_url#list``."""
    _check_url("list_url", list_url)
    if not isinstance(issuer_id, str) or not issuer_id:
        raise StatusListInputError("issuer_id must be a non-empty string.")
    _check_purpose(purpose)
    try:
        decode_list(encoded_list)
    except BitstringError as exc:
        raise StatusListInputError(f"encoded_list is not a valid status list: {exc}") from None
    credential = {
        "@context": [VC_V2_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", LIST_CREDENTIAL_TYPE],
        "issuer": issuer_id,
        "validFrom": _xsd_datetime("valid_from", valid_from),
    }
    if valid_until is not None:
        credential["validUntil"] = _xsd_datetime("valid_until", valid_until)
        if credential["validUntil"] < credential["validFrom"]:
            raise StatusListInputError("valid_until must not be earlier than valid_from.")
    subject = {
        "id": f"{list_url}#list",
        "type": LIST_SUBJECT_TYPE,
        "statusPurpose": purpose,
        "encodedList": encoded_list,
    }
    if ttl_ms is not None:
        if isinstance(ttl_ms, bool) or not isinstance(ttl_ms, int) or ttl_ms <= 0:
            raise StatusListInputError("ttl_ms must be a positive integer number of milliseconds.")
        subject["ttl"] = ttl_ms
    credential["credentialSubject"] = subject
    return credential


def build_status_entry(*, list_url: str, index: int, purpose: str) -> dict:
    """Return a BitstringStatusListEntry (``credentialStatus``) pointing at bit ``index`` of the list."""
    _check_url("list_url", list_url)
    _check_purpose(purpose)
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise StatusListInputError("index must be a non-negative integer.")
    return {
        "id": f"{list_url}#{index}",
        "type": ENTRY_TYPE,
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def _types(value: object) -> list:
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, list) else []


def _parse_index(value: object) -> int | None:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    # The 1EdTech validator samples use a JSON number; accept it as the same integer.
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _structural_problems(entry: dict, list_credential: dict) -> list[str]:
    problems = []
    if ENTRY_TYPE not in _types(entry.get("type")):
        problems.append(f"The status entry is not of type {ENTRY_TYPE}.")
    if LIST_CREDENTIAL_TYPE not in _types(list_credential.get("type")):
        problems.append(f"The status list credential is not of type {LIST_CREDENTIAL_TYPE}.")
    subject = list_credential.get("credentialSubject")
    if not isinstance(subject, dict) or LIST_SUBJECT_TYPE not in _types(subject.get("type")):
        problems.append(f"The status list credential's subject is not of type {LIST_SUBJECT_TYPE}.")
        subject = {}
    list_id = list_credential.get("id")
    target = entry.get("statusListCredential")
    if list_id is not None and target != list_id:
        problems.append(f"The entry points to status list {target!r}, not to {list_id!r}.")
    for where, size in (("entry", entry.get("statusSize", 1)), ("list", subject.get("statusSize", 1))):
        if size != 1:
            problems.append(f"Only statusSize 1 is supported; the {where} says {size!r}.")
    return problems


def check_status(entry: dict, status_list_credential: dict) -> StatusResult:
    """Read the entry's bit from the status list credential: purpose match, index in range, bit value."""
    if not isinstance(entry, dict) or not isinstance(status_list_credential, dict):
        return StatusResult(None, None, ("The status entry and the status list credential must be objects.",))
    purpose = entry.get("statusPurpose")
    reasons = _structural_problems(entry, status_list_credential)
    subject = status_list_credential.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    list_purposes = _types(subject.get("statusPurpose"))
    if not isinstance(purpose, str) or purpose not in list_purposes:
        reasons.append(f"The entry's statusPurpose {purpose!r} is not among the list's {list_purposes!r}.")
    index = _parse_index(entry.get("statusListIndex"))
    if index is None:
        reasons.append("statusListIndex must be a non-negative base-10 integer written as a string.")
    try:
        bits = decode_list(subject.get("encodedList"))
    except BitstringSizeError as exc:
        reasons.append(f"STATUS_LIST_LENGTH_ERROR: {exc}")
        bits = None
    except BitstringError as exc:
        reasons.append(f"The list's encodedList cannot be decoded: {exc}")
        bits = None
    if bits is not None and index is not None and index >= len(bits) * 8:
        reasons.append(f"RANGE_ERROR: index {index} is outside the list of {len(bits) * 8} bits.")
    if reasons or bits is None or index is None:
        return StatusResult(purpose if isinstance(purpose, str) else None, None, tuple(reasons))
    status = (bits[index // 8] >> (7 - index % 8)) & 1
    state = "set" if status else "not set"
    return StatusResult(purpose, status, (f"Bit {index} of the {purpose} list is {state}.",))

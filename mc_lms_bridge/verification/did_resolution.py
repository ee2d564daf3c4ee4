"""Resolve a verification method id (did:web, did:key or https) to its key and its controller's authorisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from mc_lms_bridge.crypto.keys import KeyMaterialError, PublicKey, public_key_from_jwk

from .fetching import FetchFunction, fetch_json_object
from .multikey_keys import MultikeyError, public_key_from_multibase

MULTIBASE_TYPES = frozenset({"Multikey", "Ed25519VerificationKey2020"})
JWK_TYPES = frozenset({"JsonWebKey", "JsonWebKey2020"})
SCHEMES = ("https", "http")
MAX_ID_CHARS = 2048

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_PORT = re.compile(r"[0-9]{1,5}")
_SEGMENT = re.compile(r"(?:[A-Za-z0-9._~!$&'()*+,;=@-]|%[0-9A-Fa-f]{2})+")


class DidResolutionError(Exception):
    """A DID or verification method cannot be resolved; the message is one sentence a person can read."""


@dataclass(frozen=True)
class ResolvedMethod:
    """A verification method found in its controller's document, and whether it may assert credentials."""

    id: str
    method: dict
    controller: str
    document_id: str
    assertion_method: bool


def did_web_to_url(did: str, *, scheme: str = "https") -> str:
    """Return the URL of a did:web DID document (``host%3Aport:a:b`` -> ``scheme://host:port/a/b/did.json``)."""
    if scheme not in SCHEMES:
        raise DidResolutionError(f"did:web documents are fetched over https or http, not {scheme!r}.")
    if not isinstance(did, str) or not did.startswith("did:web:") or len(did) > MAX_ID_CHARS:
        raise DidResolutionError("A did:web identifier must be a string starting with 'did:web:'.")
    if any(char in did for char in "#?/ \t\r\n"):
        raise DidResolutionError(f"{did!r} is not a bare did:web DID (no path, query, fragment or spaces).")
    host_part, *segments = did[len("did:web:"):].split(":")
    host, colon, port = re.sub("%3[Aa]", ":", host_part).partition(":")
    if not _HOST.fullmatch(host):
        raise DidResolutionError(f"{did!r} does not start with a valid domain name.")
    if port and (not _PORT.fullmatch(port) or not 0 < int(port) < 65536):  # also refuses a second ':'
        raise DidResolutionError(f"{did!r} has an invalid port {port!r}.")
    if colon and not port:
        raise DidResolutionError(f"{did!r} has an empty or malformed port.")
    for segment in segments:
        if not _SEGMENT.fullmatch(segment) or segment in (".", ".."):
            raise DidResolutionError(f"{did!r} has an empty or invalid path segment {segment!r}.")
    authority = f"{host}:{port}" if port else host
    path = "/".join(segments) + "/did.json" if segments else ".well-known/did.json"
    return f"{scheme}://{authority}/{path}"


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _absolute(reference: object, document_id: str) -> object:
    if isinstance(reference, str) and reference.startswith("#"):
        return document_id + reference
    return reference


def _find_in_document(document: dict, vm_id: str, document_id: str) -> ResolvedMethod:
    """Find ``vm_id`` among the document's verification methods and check it is controlled by the document."""
    if document.get("id") != document_id:
        raise DidResolutionError(
            f"The document fetched for {document_id} declares the id {document.get('id')!r} instead."
        )
    assertion = _as_list(document.get("assertionMethod"))
    candidates = _as_list(document.get("verificationMethod")) + [item for item in assertion if isinstance(item, dict)]
    found = [item for item in candidates if isinstance(item, dict) and _absolute(item.get("id"), document_id) == vm_id]
    if not found:
        raise DidResolutionError(f"{document_id} does not list the verification method {vm_id}.")
    if any(item != found[0] for item in found[1:]):
        raise DidResolutionError(f"{document_id} lists the verification method {vm_id} twice, differently.")
    method = {**found[0], "id": vm_id}
    controller = _absolute(method.get("controller"), document_id)
    if controller != document_id:
        raise DidResolutionError(f"The verification method {vm_id} is controlled by {controller!r}, not {document_id}.")
    method["controller"] = controller
    authorised = any(
        _absolute(item.get("id") if isinstance(item, dict) else item, document_id) == vm_id for item in assertion
    )
    return ResolvedMethod(vm_id, method, controller, document_id, authorised)


def _resolve_did_key(vm_id: str) -> ResolvedMethod:
    did, _, fragment = vm_id.partition("#")
    multibase = did[len("did:key:"):]
    if fragment and fragment != multibase:
        raise DidResolutionError(f"The fragment of {vm_id} does not repeat its did:key value.")
    try:
        public_key_from_multibase(multibase)
    except MultikeyError as exc:
        raise DidResolutionError(f"{did} is not a supported did:key: {exc}") from None
    full_id = f"{did}#{multibase}"
    method = {"id": full_id, "type": "Multikey", "controller": did, "publicKeyMultibase": multibase}
    return ResolvedMethod(full_id, method, did, did, True)


def _document_url(identifier: str, scheme: str) -> str:
    """The URL to fetch for a did:web DID or an http(s) controller document id."""
    if identifier.startswith("did:web:"):
        return did_web_to_url(identifier, scheme=scheme)
    parts = urlsplit(identifier)
    allowed = ("https", "http") if scheme == "http" else ("https",)
    if parts.scheme not in allowed or not parts.netloc or parts.fragment or parts.query:
        raise DidResolutionError(f"{identifier!r} is not a did:web DID or an {' or '.join(allowed)} URL.")
    return identifier


def _resolve_from_controller(vm_id: str, controller_id: str, *, fetch: FetchFunction, scheme: str) -> ResolvedMethod:
    document = fetch_json_object(fetch, _document_url(controller_id, scheme))
    return _find_in_document(document, vm_id, controller_id)


def resolve_verification_method(vm_id: str, *, fetch: FetchFunction, scheme: str = "https") -> ResolvedMethod:
    """Dereference ``vm_id`` (did:web, did:key or an https URL); raises ``DidResolutionError`` or ``FetchError``.

    For https, the fetched document is either a controller document listing the method, or the method
    itself, in which case its controller's document is fetched to confirm it lists the method.
    """
    if not isinstance(vm_id, str) or not vm_id or len(vm_id) > MAX_ID_CHARS:
        raise DidResolutionError("The verification method id must be a non-empty string.")
    if vm_id.startswith("did:key:"):
        return _resolve_did_key(vm_id)
    base, _, fragment = vm_id.partition("#")
    if vm_id.startswith("did:web:"):
        if not fragment:
            raise DidResolutionError(f"{vm_id} names a DID, not one of its verification methods (no #fragment).")
        return _resolve_from_controller(vm_id, base, fetch=fetch, scheme=scheme)
    if vm_id.startswith("did:"):
        raise DidResolutionError(f"DID method {vm_id.split(':')[1]!r} is not supported; use did:web or did:key.")
    document = fetch_json_object(fetch, _document_url(base, scheme))
    if fragment or document.get("id") != vm_id:
        return _find_in_document(document, vm_id, base)
    controller = document.get("controller")
    if not isinstance(controller, str) or controller == vm_id:
        raise DidResolutionError(f"The verification method document {vm_id} names no other controller.")
    return _resolve_from_controller(vm_id, controller, fetch=fetch, scheme=scheme)


def public_key_for(method: dict) -> PublicKey:
    """Return the public key of a Multikey (publicKeyMultibase) or JsonWebKey/JsonWebKey2020 (publicKeyJwk) method."""
    if not isinstance(method, dict):
        raise DidResolutionError("A verification method must be a JSON object.")
    method_type = method.get("type")
    try:
        if method_type in MULTIBASE_TYPES:
            return public_key_from_multibase(method.get("publicKeyMultibase"))
        if method_type in JWK_TYPES:
            return public_key_from_jwk(method.get("publicKeyJwk"))
    except (MultikeyError, KeyMaterialError) as exc:
        raise DidResolutionError(f"The key of verification method {method.get('id')} is unusable: {exc}") from None
    raise DidResolutionError(f"Verification method type {method_type!r} is not supported.")

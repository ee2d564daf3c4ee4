"""Check a VC-JWT credential: signature and claims via decode_vc_jwt, with the key found through the issuer's kid."""

from __future__ import annotations

from mc_lms_bridge.crypto.jws import JwtVerification, KeyResolutionError, decode_vc_jwt
from mc_lms_bridge.crypto.keys import PublicKey

from .context import VerificationContext
from .data_integrity import issuer_id_of, key_binding_problem
from .did_resolution import DidResolutionError, ResolvedMethod, public_key_for
from .fetching import FetchError
from .report import Check

_SIGNATURE_STEPS = ("alg", "header", "typ", "key", "signature", "claims")


def kid_to_method_id(header: dict, payload: dict) -> str:
    """The verification method id named by the header's kid (a relative ``#kid`` is taken against iss)."""
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise KeyResolutionError("the header has no kid naming one of the issuer's keys")
    iss = payload.get("iss")
    if kid.startswith("#"):
        if not isinstance(iss, str) or not iss:
            raise KeyResolutionError("the kid is relative but the token has no iss claim")
        return iss + kid
    return kid


class _KidResolver:
    """``resolve_public_key`` for decode_vc_jwt that remembers the method it resolved (for the issuer check)."""

    def __init__(self, context: VerificationContext):
        self.context = context
        self.resolved: ResolvedMethod | None = None

    def __call__(self, header: dict, payload: dict) -> PublicKey:
        try:
            resolved = self.context.resolve(kid_to_method_id(header, payload))
            key = public_key_for(resolved.method)
        except (DidResolutionError, FetchError) as exc:
            raise KeyResolutionError(str(exc)) from None
        self.resolved = resolved
        return key


def decode(token: str, context: VerificationContext) -> tuple[JwtVerification, ResolvedMethod | None]:
    """Run decode_vc_jwt with a kid resolver; return its result and the key's verification method."""
    resolver = _KidResolver(context)
    return decode_vc_jwt(token, resolve_public_key=resolver, now=context.now), resolver.resolved


def jwt_proof_check(result: JwtVerification) -> Check:
    """The ``proof`` check of a VC-JWT: algorithm, header, key, signature and claims all pass."""
    for name in _SIGNATURE_STEPS:
        outcome = result.check(name)
        if not outcome.passed:
            return Check("proof", "failed", f"The VC-JWT does not verify: {outcome.reason}")
    alg = result.header.get("alg")
    return Check("proof", "passed", f"The VC-JWT's {alg} signature verifies and its claims match the credential.")


def jwt_issuer_check(result: JwtVerification, resolved: ResolvedMethod | None) -> Check:
    """The ``issuer`` check of a VC-JWT: iss is the credential's issuer and the kid is that issuer's key."""
    issuer_id = issuer_id_of(result.credential or {})
    iss = (result.payload or {}).get("iss")
    if issuer_id is None:
        problem = "it names no issuer id."
    elif iss != issuer_id:
        problem = f"the token's iss {iss!r} is not the credential's issuer {issuer_id}."
    elif resolved is None:
        problem = f"its signing key could not be resolved ({result.check('key').reason})"
    else:
        problem = key_binding_problem(resolved, issuer_id)
    if problem is not None:
        return Check("issuer", "failed", f"The credential cannot be attributed to its issuer: {problem}")
    return Check("issuer", "passed", f"The token is signed with a key that {issuer_id} lists for issuing credentials.")


def jwt_time_problems(result: JwtVerification) -> list[str]:
    """The reasons of failed nbf/exp checks (the token's own validity period)."""
    return [result.check(name).reason for name in ("nbf", "exp") if not result.check(name).passed]

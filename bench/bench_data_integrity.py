"""Benchmark: eddsa-rdfc-2022 credentials signed/verified per second on one core, plain pyld vs ours.

Run: python bench/bench_data_integrity.py [--seconds 3]
The credential is a realistic OB3 micro-credential (5 learning outcomes aligned to ESCO skills, a result).
Both paths must produce the same proofValue; the script exits non-zero if they do not.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mc_lms_bridge.crypto.cryptosuites.eddsa_rdfc_2022 import create_proof, verify_proof  # noqa: E402
from mc_lms_bridge.crypto.document_loader import strict_document_loader  # noqa: E402
from mc_lms_bridge.crypto.multibase import decode_base58btc, encode_base58btc  # noqa: E402

TEMPLATE = ROOT / "tests" / "data" / "crypto" / "examples" / "constructed-ob3-microcredential-unsigned.json"
VERIFICATION_METHOD = "did:web:lms.example.edu#key-1"
CREATED = "2025-06-30T12:00:00Z"
ESCO_SKILLS = [
    ("use spreadsheets software", "1973c966-f236-40c9-b2d4-5d71a89019be"),
    ("analyse big data", "4a3ea1d5-2b4e-4a0f-b4d9-1b8f8b3f5e21"),
    ("perform data cleansing", "7c1d8e1a-61f0-4b7b-9b4c-3a0b1f8e2d44"),
    ("interpret current data", "0a2b7f3c-9d8e-4c1b-8a6f-5e4d3c2b1a09"),
    ("present reports", "d3f1a2b4-6c5e-4f7a-8b9c-0d1e2f3a4b5c"),
]


def realistic_credential() -> dict:
    """The constructed OB3 micro-credential with five ESCO-aligned learning outcomes."""
    credential = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    credential["credentialSubject"]["achievement"]["alignment"] = [
        {
            "type": ["Alignment"],
            "targetName": name,
            "targetUrl": f"http://data.europa.eu/esco/skill/{uuid}",
            "targetFramework": "ESCO",
            "targetType": "ext:ESCOSkill",
            "targetCode": uuid,
        }
        for name, uuid in ESCO_SKILLS
    ]
    return credential


def _pyld_canonical(document: dict, loader) -> str:
    return jsonld.normalize(
        document, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader, "base": None}
    )


def baseline_sign(credential: dict, key: Ed25519PrivateKey, loader) -> dict:
    """Straightforward path: pyld normalize for both hashes, cryptography Ed25519."""
    proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": CREATED,
             "verificationMethod": VERIFICATION_METHOD, "proofPurpose": "assertionMethod"}
    document_hash = hashlib.sha256(_pyld_canonical(credential, loader).encode()).digest()
    config = {**proof, "@context": credential["@context"]}
    config_hash = hashlib.sha256(_pyld_canonical(config, loader).encode()).digest()
    signed = copy.deepcopy(credential)
    signed["proof"] = {**proof, "proofValue": encode_base58btc(key.sign(config_hash + document_hash))}
    return signed


def baseline_verify(signed: dict, public_key, loader) -> bool:
    proof = dict(signed["proof"])
    signature = decode_base58btc(proof.pop("proofValue"))
    unsecured = {key: value for key, value in signed.items() if key != "proof"}
    document_hash = hashlib.sha256(_pyld_canonical(unsecured, loader).encode()).digest()
    config_hash = hashlib.sha256(_pyld_canonical({**proof, "@context": signed["@context"]}, loader).encode()).digest()
    public_key.verify(signature, config_hash + document_hash)
    return True


def rate(operation, seconds: float) -> float:
    """Operations per second over at least ``seconds`` of wall time (after one warm-up call)."""
    operation()
    count = 0
    started = time.perf_counter()
    while True:
        operation()
        count += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return count / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="measuring time per figure (default 3)")
    arguments = parser.parse_args()

    loader = strict_document_loader()
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))  # fixed, public, benchmark-only key
    public_key = key.public_key()
    credential = realistic_credential()

    ours_signed = create_proof(credential, private_key=key, verification_method=VERIFICATION_METHOD,
                               created=CREATED, loader=loader)
    base_signed = baseline_sign(credential, key, loader)
    if ours_signed != base_signed:
        print("MISMATCH: our signed credential differs from the plain pyld one", file=sys.stderr)
        return 1
    if not verify_proof(ours_signed, resolve_public_key=lambda _m: public_key, loader=loader).verified:
        print("MISMATCH: our verifier rejected our own credential", file=sys.stderr)
        return 1

    figures = {
        "baseline sign": rate(lambda: baseline_sign(credential, key, loader), arguments.seconds),
        "ours sign": rate(lambda: create_proof(credential, private_key=key, verification_method=VERIFICATION_METHOD,
                                               created=CREATED, loader=loader), arguments.seconds),
        "baseline verify": rate(lambda: baseline_verify(base_signed, public_key, loader), arguments.seconds),
        "ours verify": rate(lambda: verify_proof(ours_signed, resolve_public_key=lambda _m: public_key,
                                                 loader=loader), arguments.seconds),
    }
    quads = _pyld_canonical(credential, loader).count("\n")
    print(f"credential: OB3 micro-credential, {len(ESCO_SKILLS)} ESCO alignments, {quads} canonical quads; "
          f"pyld {jsonld.__version__ if hasattr(jsonld, '__version__') else ''}".rstrip())
    print("identical proofValue from both paths: yes")
    for name, value in figures.items():
        print(f"{name:16s} {value:10.1f} credentials/s   ({1000 / value:7.3f} ms each)")
    print(f"speed-up sign   {figures['ours sign'] / figures['baseline sign']:.1f}x")
    print(f"speed-up verify {figures['ours verify'] / figures['baseline verify']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

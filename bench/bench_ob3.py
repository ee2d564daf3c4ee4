"""Benchmark: OB3 micro-credentials built+signed and verified per second on one core, vs Digital Bazaar JS.

Run: taskset -c 0 python bench/bench_ob3.py [--seconds 5] [--batch 10000]
Our path: build_ob3_credential (real record: 5 learning outcomes with ESCO alignments, grade) + eddsa-rdfc-2022
proof; verify = full verify_ob3 minus network (DID document and status list served from memory; proof, issuer,
schema, dates and status list proof all checked). The JS figures come from bench/js/bench_sign_verify.mjs in the
same run (needs `cd tests/js && npm ci`). Also reports peak Python memory while issuing --batch credentials.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import tracemalloc
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from formats.sample_records import sample_award, sample_issuer, sample_learner, sample_microcredential  # noqa: E402

from mc_lms_bridge.crypto.cryptosuites.eddsa_rdfc_2022 import create_proof  # noqa: E402
from mc_lms_bridge.crypto.document_loader import strict_document_loader  # noqa: E402
from mc_lms_bridge.crypto.keys import ed25519_public_multikey, generate_private_key  # noqa: E402
from mc_lms_bridge.formats.ob3 import build_ob3_credential  # noqa: E402
from mc_lms_bridge.status.bitstring import encode_list, new_list  # noqa: E402
from mc_lms_bridge.status.status_list_credential import build_status_entry, build_status_list_credential  # noqa: E402
from mc_lms_bridge.verification.fetching import StaticFetcher  # noqa: E402
from mc_lms_bridge.verification.ob3 import verify_ob3  # noqa: E402

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


class Issuer:
    def __init__(self):
        self.record = sample_issuer()
        self.key = generate_private_key("EdDSA")
        self.vm = f"{self.record.did}#key-1"
        self.list_url = "https://issuer.example/status/1"
        self.loader = strict_document_loader()
        did_doc = {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
                   "id": self.record.did, "assertionMethod": [self.vm],
                   "verificationMethod": [{"id": self.vm, "type": "Multikey", "controller": self.record.did,
                                           "publicKeyMultibase": ed25519_public_multikey(self.key)}]}
        status_list = create_proof(build_status_list_credential(
            list_url=self.list_url, issuer_id=self.record.did, purpose="revocation",
            encoded_list=encode_list(new_list()), valid_from=NOW), private_key=self.key, verification_method=self.vm,
            created=NOW, loader=self.loader)
        self.fetcher = StaticFetcher({_did_url(self.record.did): did_doc, self.list_url: status_list})

    def issue(self, n: int) -> dict:
        award = replace(sample_award(), credential_id=f"urn:uuid:{uuid.uuid4()}")
        unsigned = build_ob3_credential(
            award=award, microcredential=sample_microcredential(), learner=sample_learner(), issuer=self.record,
            status_entries=[build_status_entry(list_url=self.list_url, index=n % 131072, purpose="revocation")],
            identity_salt="bench", now=NOW)
        return create_proof(unsigned, private_key=self.key, verification_method=self.vm, created=NOW,
                            loader=self.loader)

    def verify(self, credential: dict) -> bool:
        return verify_ob3(credential, fetch=self.fetcher.fetch, now=NOW, loader=self.loader, scheme="https").verified


def _did_url(did: str) -> str:
    from mc_lms_bridge.verification.did_resolution import did_web_to_url

    return did_web_to_url(did)


def rate(fn, seconds: float) -> tuple[float, int]:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn(count)
        count += 1
    return count / (time.perf_counter() - start), count


def js_figures(seconds: float) -> dict:
    script = ROOT / "bench" / "js" / "bench_sign_verify.mjs"
    try:
        out = subprocess.run(["node", str(script), "--seconds", str(seconds)], capture_output=True, text=True,  # noqa: S603,S607
                             timeout=300, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return {"error": str(exc)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--batch", type=int, default=10000)
    args = parser.parse_args()
    issuer = Issuer()
    issuer.verify(issuer.issue(0))  # warm caches
    sign_rate, _ = rate(issuer.issue, args.seconds)
    samples = [issuer.issue(i) for i in range(50)]
    verify_rate, _ = rate(lambda i: issuer.verify(samples[i % 50]) or (_ for _ in ()).throw(SystemExit(1)),
                          args.seconds)
    tracemalloc.start()
    start = time.perf_counter()
    batch_bytes = 0
    for i in range(args.batch):
        batch_bytes += len(json.dumps(issuer.issue(i)))  # stored as text, like IssuedCredential.payload
    batch_seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    js = js_figures(args.seconds)
    result = {
        "python_build_sign_per_s": round(sign_rate, 1), "python_verify_per_s": round(verify_rate, 1),
        "js_sign_per_s": js.get("sign_per_s"), "js_verify_with_status_per_s": js.get("verify_with_status_per_s"),
        "js_verify_per_s": js.get("verify_per_s"),
        "batch": args.batch, "batch_seconds": round(batch_seconds, 1),
        "batch_peak_python_memory_mib": round(peak / 2**20, 1),
        "batch_output_mib": round(batch_bytes / 2**20, 1),
    }
    if js.get("sign_per_s"):
        result["sign_ratio_vs_js"] = round(sign_rate / js["sign_per_s"], 1)
        result["verify_ratio_vs_js_with_status"] = round(verify_rate / js["verify_with_status_per_s"], 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

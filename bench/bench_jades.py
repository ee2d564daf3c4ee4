"""Benchmark: JAdES e-seal throughput (seals/s and verifies/s) for EC P-256 and RSA-2048 development seals."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

from mc_lms_bridge.crypto.jades import seal_jades, verify_jades
from mc_lms_bridge.crypto.seal_material import create_development_seal, load_seal_from_pkcs12

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
PAYLOAD = json.dumps(
    {
        "@context": ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"],
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialSubject": {"id": "urn:epass:person:1", "hasClaim": [{"title": {"en": ["x" * 2000]}}]},
    }
).encode()


def rate(function, seconds: float = 2.0) -> float:
    """Calls per second of `function` over roughly `seconds` of wall time."""
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        function()
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    print(f"payload: {len(PAYLOAD)} bytes")
    for key_type in ("ec-p256", "rsa-2048"):
        bundle = create_development_seal(
            organisation_name="Bench University", country="BE", organisation_identifier="VATBE-0000000097",
            password=None, now=NOW, key_type=key_type,
        )
        material = load_seal_from_pkcs12(bundle, None, now=NOW)
        signed_at = NOW + timedelta(minutes=1)
        sealed = seal_jades(PAYLOAD, material, signing_time=signed_at)
        anchors = [material.certificate]
        later = NOW + timedelta(days=1)
        assert verify_jades(sealed, trust_anchors=anchors, now=later).valid
        seals = rate(lambda m=material, t=signed_at: seal_jades(PAYLOAD, m, signing_time=t))
        verifies = rate(lambda s=sealed, a=anchors, n=later: verify_jades(s, trust_anchors=a, now=n))
        print(f"{key_type:9s} seals/s: {seals:8.0f}   verifies/s: {verifies:8.0f}")


if __name__ == "__main__":
    main()

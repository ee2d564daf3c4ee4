"""Every term of the OB3 credential is defined by the pinned official contexts (none dropped)."""

from __future__ import annotations

from pyld import jsonld

from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.formats.ob3 import build_issuer_profile

from ..sample_records import sample_issuer
from .credentials import sample_credential
from .test_builder import STATUS_ENTRY

# pyld has no "safe mode": it silently drops undefined terms. A trailing @vocab turns every undefined
# term into an IRI under this prefix instead, so the test can find and name it.
UNDEFINED = "urn:x-undefined-term:"


def expanded_iris(node, found: set[str]) -> set[str]:
    """Collect every property IRI, @type IRI and @id of an expanded JSON-LD document."""
    if isinstance(node, list):
        for item in node:
            expanded_iris(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                found.update(value if isinstance(value, list) else [value])
            elif key == "@id":
                found.add(value)
            elif key != "@value":
                found.add(key)
                expanded_iris(value, found)
    return found


def undefined_terms(document: dict) -> list[str]:
    """Expand under the pinned contexts and return the terms they do not define, plus relative IRIs."""
    probe = {**document, "@context": [*document["@context"], {"@vocab": UNDEFINED}]}
    expanded = jsonld.expand(probe, {"documentLoader": strict_document_loader(), "base": None})
    iris = expanded_iris(expanded, set())
    undefined = [iri.removeprefix(UNDEFINED) for iri in iris if iri.startswith(UNDEFINED)]
    relative = [iri for iri in iris if not iri.startswith("@") and ":" not in iri]
    return sorted(undefined + relative)


def test_every_term_of_the_credential_expands_under_the_official_contexts():
    assert undefined_terms(sample_credential(status_entries=[STATUS_ENTRY])) == []


def test_every_term_of_the_issuer_profile_expands_under_the_official_contexts():
    assert undefined_terms(build_issuer_profile(sample_issuer())) == []


def test_the_probe_reports_a_term_the_contexts_do_not_define():
    credential = sample_credential()
    credential["credentialSubject"]["achievement"]["eqfLevel"] = "6"
    credential["credentialSubject"]["achievement"]["alignment"][0]["skillLabel"] = "x"
    assert undefined_terms(credential) == ["eqfLevel", "skillLabel"]


def test_alignment_values_survive_expansion():
    credential = sample_credential()
    expanded = jsonld.expand(credential, {"documentLoader": strict_document_loader(), "base": None})
    iris = expanded_iris(expanded, set())
    assert "https://schema.org/targetUrl" in iris
    assert "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType" in iris
    assert "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019" in iris

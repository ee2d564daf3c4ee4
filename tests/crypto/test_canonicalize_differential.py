"""Differential guard: our canonicalization equals plain pyld normalize on generated OB3-like credentials.

Default run: a few hundred examples; MC_DIFF_EXAMPLES=5000 raises it. pyld 3.3 writes only \\t \\n \\r \\" \\\\
as escapes while RDFC-1.0 (W3C test060) also requires \\b, \\f and \\uXXXX for the other C0 controls and DEL,
so generated strings leave those characters out here; test_control_characters_follow_rdfc10 covers them.
pyld 3.3 also lists a quad twice for a blank node that is both its subject and object (current rdf-canonize
and RDFC-1.0 count it once), so each kind of node draws blank node labels from its own pool: no self-links.
"""

from __future__ import annotations

import copy
import os
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld

from mc_lms_bridge.crypto.canonicalize import canonicalize, context_engine
from mc_lms_bridge.crypto.document_loader import strict_document_loader
from mc_lms_bridge.crypto.fast_to_rdf import FastPathUnsupported, fast_document_quads

from .vectors import EXAMPLES, load_json

EXAMPLES_COUNT = int(os.environ.get("MC_DIFF_EXAMPLES", "300"))
LOADER = strict_document_loader()
TEMPLATE = load_json(EXAMPLES / "constructed-ob3-microcredential-unsigned.json")
PYLD_DIVERGENT = "".join(chr(code) for code in [*range(0x00, 0x20), 0x7F] if chr(code) not in "\t\n\r")

texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=PYLD_DIVERGENT), max_size=40),
    st.text(alphabet='\\"\t\n\r\'{}<>@:#/ \u00e9\u2028\u0301\U0001F383x', max_size=12),
    st.sampled_from(["", " ", "@id", "_:b0", "urn:x", "ext:ErasmusCode", "\\u0041", "true", "1.0"]),
)
iri_tails = st.text(alphabet=string.ascii_letters + string.digits + "-._~%!$&'()*+,;=:@/?#", max_size=20)
iris = st.one_of(
    st.builds(lambda tail: f"https://lms.example.edu/{tail}", iri_tails),
    st.builds(lambda tail: f"urn:uuid:{tail}", st.uuids()),
    st.builds(lambda tail: f"did:example:{tail}", st.text(alphabet=string.ascii_letters + string.digits, min_size=1)),
    st.sampled_from(["http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be", "mailto:a@b.example"]),
)


def node_ids(kind: str):
    """An IRI, no id, or a blank node label reserved for this kind of node (shared between siblings)."""
    return st.one_of(st.none(), iris, st.sampled_from([f"_:{kind}1", f"_:{kind}2"]))


languages = st.sampled_from(["en", "fr", "de-AT", "EN-gb", "zh-Hant-TW", "sr-Latn"])
names = st.one_of(texts, st.builds(lambda v, lang: {"@value": v, "@language": lang}, texts, languages))
dates = st.one_of(
    st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")),
    st.sampled_from(["2025-06-30T12:00:00Z", "2025-06-30T12:00:00.123+02:00", "not a date"]),
)
numbers = st.one_of(
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.sampled_from([0, 3.0, 0.5, 1e21, 1e-7, -0.0, 123456789.125]),
)


def _with_id(node: dict, identifier: str | None) -> dict:
    return {"id": identifier, **node} if identifier is not None else node


@st.composite
def alignments(draw):
    node = {"type": draw(st.sampled_from([["Alignment"], "Alignment"])), "targetName": draw(names),
            "targetUrl": draw(iris)}
    for key in ("targetCode", "targetDescription", "targetFramework"):
        if draw(st.booleans()):
            node[key] = draw(texts)
    if draw(st.booleans()):
        node["targetType"] = draw(st.sampled_from(["ext:ESCOSkill", "CFItem", "ceasn:Competency"]))
    return _with_id(node, draw(node_ids("align")))


@st.composite
def credentials(draw):
    document = copy.deepcopy(TEMPLATE)
    subject = document["credentialSubject"]
    achievement = subject["achievement"]
    document["name"] = draw(names)
    document["description"] = draw(names)
    document["validFrom"] = draw(dates)
    if draw(st.booleans()):
        document["validUntil"] = draw(dates)
    document["issuer"]["name"] = draw(texts)
    document["issuer"]["otherIdentifier"] = [
        {"type": "IdentifierEntry", "identifier": draw(texts), "identifierType": draw(texts)}
        for _ in range(draw(st.integers(0, 3)))
    ]
    subject_id = draw(node_ids("subject"))
    if subject_id is not None:
        subject["id"] = subject_id
    subject["identifier"][0]["hashed"] = draw(st.booleans())
    subject["identifier"][0]["salt"] = draw(texts)
    subject["creditsEarned"] = draw(numbers)
    achievement["name"] = draw(names)
    achievement["description"] = draw(texts)
    achievement["creditsAvailable"] = draw(numbers)
    achievement["tag"] = draw(st.lists(texts, max_size=4))
    achievement["alignment"] = draw(st.lists(alignments(), max_size=6))
    achievement["inLanguage"] = draw(languages)
    achievement["criteria"] = _with_id({"narrative": draw(texts)}, draw(node_ids("criteria")))
    if draw(st.booleans()):
        achievement["resultDescription"][0]["allowedValue"] = draw(st.lists(texts, min_size=1, max_size=3))
    subject["result"] = [
        _with_id({"type": ["Result"], "value": draw(texts), "resultDescription": draw(iris)},
                 draw(node_ids("result")))
        for _ in range(draw(st.integers(0, 3)))
    ]
    document["evidence"] = [
        _with_id({"type": ["Evidence"], "name": draw(names), "narrative": draw(texts)},
                 draw(node_ids("evidence")))
        for _ in range(draw(st.integers(0, 3)))
    ]
    for optional in ("awardedDate", "credentialStatus", "credentialSchema", "evidence"):
        if draw(st.booleans()):
            document.pop(optional, None)
    for optional in ("image", "related", "humanCode", "specialization"):
        if draw(st.booleans()):
            achievement.pop(optional, None)
    if draw(st.booleans()):
        document["@context"] = [*document["@context"], {
            "@language": draw(languages),
            "note": {"@id": "https://lms.example.edu/vocab#note"},
            "count": {"@id": "https://lms.example.edu/vocab#count", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        }]
        document["note"] = draw(st.lists(texts, max_size=3))
        document["count"] = draw(numbers)
    return document


def _pyld_reference(document: dict) -> str:
    return jsonld.normalize(
        copy.deepcopy(document),
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": LOADER},
    )


@settings(max_examples=EXAMPLES_COUNT, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(credentials())
def test_matches_plain_pyld(document):
    assert canonicalize(document, loader=LOADER) == _pyld_reference(document)


def test_template_matches_plain_pyld_through_the_fast_path():
    assert fast_document_quads(TEMPLATE, context_engine(LOADER))
    assert canonicalize(TEMPLATE, loader=LOADER) == _pyld_reference(TEMPLATE)


def test_list_containers_fall_back_and_still_match():
    document = copy.deepcopy(TEMPLATE)
    document["credentialSubject"]["achievement"]["resultDescription"][0]["allowedValue"] = ["A", "B"]
    try:
        fast_document_quads(document, context_engine(LOADER))
        took_fast_path = True
    except FastPathUnsupported:
        took_fast_path = False
    assert canonicalize(document, loader=LOADER) == _pyld_reference(document)
    assert not took_fast_path


def test_control_characters_follow_rdfc10():
    document = copy.deepcopy(TEMPLATE)
    document["name"] = "a\bb\fc\x00d\x1fe\x7f"
    assert '"a\\bb\\fc\\u0000d\\u001Fe\\u007F"' in canonicalize(document, loader=LOADER)


EDC_TEMPLATE = load_json(EXAMPLES / "minimal-microcredential-elm32.jsonld")


def _language_map_paths(node, path=()):
    """Paths of every language map ({"en": "..."}) in the EDC template."""
    if isinstance(node, dict):
        if node and all(len(key) == 2 and key != "id" and isinstance(value, str) for key, value in node.items()):
            yield path
            return
        for key, value in node.items():
            yield from _language_map_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _language_map_paths(value, (*path, index))


EDC_LANGUAGE_MAPS = list(_language_map_paths(EDC_TEMPLATE))
language_maps = st.dictionaries(
    st.one_of(languages, st.just("@none")), st.one_of(texts, st.lists(texts, max_size=3), st.none()),
    min_size=1, max_size=4,
)


@st.composite
def edc_credentials(draw):
    document = copy.deepcopy(EDC_TEMPLATE)
    for path in EDC_LANGUAGE_MAPS:
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = draw(language_maps)
    return document


def test_edc_template_takes_the_fast_path():
    assert len(EDC_LANGUAGE_MAPS) >= 10
    assert fast_document_quads(EDC_TEMPLATE, context_engine(LOADER))
    assert canonicalize(EDC_TEMPLATE, loader=LOADER) == _pyld_reference(EDC_TEMPLATE)


@settings(max_examples=max(EXAMPLES_COUNT // 3, 50), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edc_credentials())
def test_edc_language_maps_match_plain_pyld(document):
    assert canonicalize(document, loader=LOADER) == _pyld_reference(document)

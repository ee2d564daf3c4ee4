"""bake_svg / unbake_svg on the official 1EdTech sample, hand-written SVGs and unsafe XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from mc_lms_bridge.baking import (
    BakedCredentialTooLarge,
    DuplicateBakedCredential,
    InvalidCredential,
    NoBakedCredential,
    NotAnSvg,
    UnsafeSvg,
    bake_svg,
    unbake_svg,
)
from mc_lms_bridge.baking.limits import MAX_IMAGE_BYTES

from .helpers import sample_json, sample_jwt, sample_png, sample_svg

OB3_NS = "https://purl.imsglobal.org/ob/v3p0"
SVG_NS = "http://www.w3.org/2000/svg"
CREDENTIAL = f"{{{OB3_NS}}}credential"
PLAIN = f'<svg xmlns="{SVG_NS}" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'


def root_of(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode())  # noqa: S314 - our own output, parsed with the standard library as an oracle


def test_official_sample_unbakes_to_the_same_credential_as_the_png():
    from mc_lms_bridge.baking import unbake_png

    baked = unbake_svg(sample_svg())
    assert baked.version == 3 and baked.payload == unbake_png(sample_png()).payload
    assert baked.payload["id"] == sample_json()["id"] == "http://example.com/credentials/3527"


def test_rebaking_the_sample_gives_one_first_child_element_and_the_exact_text():
    text = unbake_svg(sample_svg()).text.strip()
    rebaked = bake_svg(sample_svg(), text)
    assert unbake_svg(rebaked).text == text
    root = root_of(rebaked)
    assert [child.tag for child in root][0] == CREDENTIAL
    assert len(root.findall(f".//{CREDENTIAL}")) == 1
    assert "verify" not in root[0].attrib
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in rebaked
    assert "<![CDATA[" in rebaked
    # the drawing is untouched
    assert [child.tag for child in root][1:] == [child.tag for child in root_of(sample_svg())][1:]
    assert unbake_svg(bake_svg(rebaked, text)).text == text


def test_jws_goes_in_the_verify_attribute_with_an_empty_body():
    baked = bake_svg(PLAIN, sample_jwt())
    element = root_of(baked)[0]
    assert element.tag == CREDENTIAL and element.get("verify") == sample_jwt()
    assert not (element.text or "").strip() and len(element) == 0
    result = unbake_svg(baked)
    assert (result.version, result.payload) == (3, sample_jwt())


def test_jws_replaces_an_embedded_json_credential_and_back():
    as_jwt = bake_svg(sample_svg(), sample_jwt())
    assert unbake_svg(as_jwt).payload == sample_jwt() and len(root_of(as_jwt).findall(f".//{CREDENTIAL}")) == 1
    as_json = bake_svg(as_jwt, {"name": "back"})
    assert unbake_svg(as_json).payload == {"name": "back"} and "verify=" not in as_json


def test_cdata_terminator_inside_the_credential_survives():
    credential = {"narrative": "a ]]> b ]]]]> c ]]>"}
    baked = bake_svg(PLAIN, credential)
    assert unbake_svg(baked).payload == credential
    assert root_of(baked)[0].text == unbake_svg(baked).text


def test_a_nested_credential_element_is_found_and_replaced():
    svg = (f'<svg xmlns="{SVG_NS}" xmlns:ob="{OB3_NS}"><g><ob:credential><![CDATA[{{"a": 1}}]]></ob:credential></g>'
           "</svg>")
    assert unbake_svg(svg).payload == {"a": 1}
    baked = bake_svg(svg, {"b": 2})
    assert len(root_of(baked).findall(f".//{CREDENTIAL}")) == 1 and unbake_svg(baked).payload == {"b": 2}


def test_two_credential_elements_are_refused_when_reading():
    svg = (f'<svg xmlns="{SVG_NS}" xmlns:openbadges="{OB3_NS}"><openbadges:credential verify="a.b.c"/>'
           "<openbadges:credential verify=\"d.e.f\"/></svg>")
    with pytest.raises(DuplicateBakedCredential):
        unbake_svg(svg)
    assert unbake_svg(bake_svg(svg, "x.y.z")).payload == "x.y.z"


@pytest.mark.parametrize(
    "svg",
    [
        f'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="{SVG_NS}">&a;</svg>',
        '<!DOCTYPE svg [<!ENTITY a "x"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        f'<svg xmlns="{SVG_NS}">&b;</svg>',
        f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="{SVG_NS}">&x;</svg>',
        f'<!DOCTYPE svg [<!ELEMENT svg ANY>]><svg xmlns="{SVG_NS}"/>',
        f'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="{SVG_NS}"/>',
    ],
)
def test_entities_and_internal_dtd_subsets_are_refused(svg):
    with pytest.raises(UnsafeSvg):
        unbake_svg(svg)
    with pytest.raises(UnsafeSvg):
        bake_svg(svg, {"a": 1})


@pytest.mark.parametrize("svg", ["", "<svg", "<html/>", f'<svg xmlns="{SVG_NS}"></svgx>', '<svg xmlns="urn:x"/>',
                                 b"<svg/>"])
def test_not_an_svg(svg):
    with pytest.raises(NotAnSvg):
        unbake_svg(svg)
    with pytest.raises(NotAnSvg):
        bake_svg(svg, {"a": 1})


def test_no_credential_and_size_limit():
    with pytest.raises(NoBakedCredential):
        unbake_svg(PLAIN)
    with pytest.raises(NoBakedCredential):
        unbake_svg(sample_svg(), version=2)
    with pytest.raises(BakedCredentialTooLarge):
        unbake_svg(PLAIN[:-6] + " " * MAX_IMAGE_BYTES + "</svg>")


@pytest.mark.parametrize("credential", ["plain", "[1]", '{"a": "\ufffe"}', {"a": 1j}])
def test_invalid_credentials_are_refused(credential):
    with pytest.raises(InvalidCredential):
        bake_svg(PLAIN, credential)


def test_unwritable_characters_in_a_dict_are_json_escaped():
    credential = {"odd": "\ufffe\uffff\ud800", "ctl": "\x01\r\n"}
    for baked in (bake_svg(PLAIN, credential),):
        assert unbake_svg(baked).payload == credential


def test_a_different_root_prefix_binding_is_kept_for_its_elements():
    svg = (f'<svg xmlns="{SVG_NS}" xmlns:openbadges="urn:other"><openbadges:note openbadges:k="v">hi</openbadges:note>'
           "</svg>")
    baked = bake_svg(svg, {"a": 1})
    root = root_of(baked)
    assert root.find("{urn:other}note").get("{urn:other}k") == "v"
    assert unbake_svg(baked).payload == {"a": 1}

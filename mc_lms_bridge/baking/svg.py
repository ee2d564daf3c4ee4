"""Bake an Open Badges credential into an SVG ``<openbadges:credential>`` element and read it back."""

from __future__ import annotations

import re
from xml.dom import Node
from xml.dom.minidom import Document, Element
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException
from defusedxml.minidom import parseString

from .errors import (
    BakedCredentialTooLarge,
    BakingError,
    DuplicateBakedCredential,
    InvalidCredential,
    NoBakedCredential,
    NotAnSvg,
    UnsafeSvg,
)
from .limits import MAX_IMAGE_BYTES
from .payload import OB2, OB3, BakedPayload, check_version, credential_text, is_compact_jws, parse_payload

SVG_NS = "http://www.w3.org/2000/svg"
XMLNS_NS = "http://www.w3.org/2000/xmlns/"
OB3_NS = "https://purl.imsglobal.org/ob/v3p0"
OB2_NS = "http://openbadges.org"
PREFIX = "openbadges"
ELEMENTS = {OB3: (OB3_NS, "credential"), OB2: (OB2_NS, "assertion")}
# Characters XML 1.0 cannot carry at all (CR survives, but XML parsers normalise it to LF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def parse_svg(svg_text: str) -> Document:
    """The parsed SVG; entities, external references and internal DTD subsets are refused as :class:`UnsafeSvg`.

    A plain ``<!DOCTYPE svg PUBLIC ...>`` line (common in editor exports, and in the 1EdTech sample) is
    accepted: the external DTD is never fetched.
    """
    if not isinstance(svg_text, str):
        raise NotAnSvg(f"expected SVG text, got {type(svg_text).__name__}")
    if len(svg_text) > MAX_IMAGE_BYTES or len(svg_text.encode("utf-8", "surrogatepass")) > MAX_IMAGE_BYTES:
        raise BakedCredentialTooLarge(f"the image is larger than {MAX_IMAGE_BYTES} bytes")
    try:
        document = parseString(svg_text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeSvg(f"the SVG is refused: {exc}") from None
    except (ExpatError, ValueError) as exc:
        raise NotAnSvg(f"the SVG is not well-formed XML: {exc}") from None
    if document.doctype is not None and (document.doctype.internalSubset or "").strip():
        raise UnsafeSvg("the SVG has an internal DTD subset")
    root = document.documentElement
    if root.localName != "svg" or root.namespaceURI not in (SVG_NS, None):
        raise NotAnSvg(f"the root element is {root.tagName!r}, not svg")
    return document


def _badge_element(document: Document, version: int) -> Element | None:
    elements = document.getElementsByTagNameNS(*ELEMENTS[version])
    if len(elements) > 1:
        raise DuplicateBakedCredential(f"the SVG holds {len(elements)} {ELEMENTS[version][1]} elements")
    return elements[0] if elements else None


def _element_text(element: Element) -> str:
    verify = element.getAttribute("verify").strip()
    if verify:
        return verify
    return "".join(
        node.data for node in element.childNodes if node.nodeType in (Node.TEXT_NODE, Node.CDATA_SECTION_NODE)
    )


def unbake_svg(svg_text: str, *, version: int | None = None) -> BakedPayload:
    """The credential baked in an SVG: OB 3.0 ``<openbadges:credential>`` first, else OB 2.0 ``<openbadges:assertion>``.

    A non-empty ``verify`` attribute (VC-JWT, signed or hosted OB 2.0) wins over the element's CDATA body.
    """
    versions = check_version(version)
    document = parse_svg(svg_text)
    for candidate in versions:
        element = _badge_element(document, candidate)
        if element is not None:
            return parse_payload(_element_text(element), candidate)
    raise NoBakedCredential("the SVG carries no Open Badges credential")


def cdata_pieces(text: str) -> list[str]:
    """``text`` cut so that no piece contains ``]]>``; consecutive CDATA sections rejoin to ``text``."""
    parts = text.split("]]>")
    last = len(parts) - 1
    return [(">" if index else "") + part + ("]]" if index < last else "") for index, part in enumerate(parts)]


def _uses_prefix(element: Element, namespace: str) -> bool:
    """True when the element or one of its attributes is written ``openbadges:...`` for ``namespace``."""
    nodes = [element, *(element.attributes.values() if element.attributes else [])]
    return any(node.prefix == PREFIX and node.namespaceURI == namespace for node in nodes)


def _keep_old_binding(root: Element, old_namespace: str) -> None:
    """Re-declare the old ``openbadges`` prefix on every element that used it, before the root is rebound."""
    if _uses_prefix(root, old_namespace):
        raise BakingError(f"the svg element uses the {PREFIX}: prefix for {old_namespace}; cannot rebind it")
    for element in root.getElementsByTagName("*"):
        if not element.hasAttributeNS(XMLNS_NS, PREFIX) and _uses_prefix(element, old_namespace):
            element.setAttributeNS(XMLNS_NS, f"xmlns:{PREFIX}", old_namespace)


def bake_svg(svg_text: str, credential: dict | str) -> str:
    """The SVG with ``credential`` in an ``<openbadges:credential>`` element, the first child of ``<svg>``.

    A compact JWS (VC-JWT) goes in the ``verify`` attribute, JSON in the body as CDATA. Any earlier
    ``<openbadges:credential>`` is removed; an OB 2.0 ``<openbadges:assertion>`` is kept with its namespace.
    """
    text = credential_text(credential)
    if _NOT_XML.search(text):
        raise InvalidCredential("the credential text holds control characters XML cannot carry")
    document = parse_svg(svg_text)
    root = document.documentElement
    for old in document.getElementsByTagNameNS(OB3_NS, "credential"):
        old.parentNode.removeChild(old).unlink()
    old_namespace = root.getAttributeNS(XMLNS_NS, PREFIX)
    if old_namespace and old_namespace != OB3_NS:
        _keep_old_binding(root, old_namespace)
    root.setAttributeNS(XMLNS_NS, f"xmlns:{PREFIX}", OB3_NS)
    element = document.createElementNS(OB3_NS, f"{PREFIX}:credential")
    if is_compact_jws(text.strip()):
        element.setAttribute("verify", text)
    else:
        for piece in cdata_pieces(text):
            element.appendChild(document.createCDATASection(piece))
    root.insertBefore(element, root.firstChild)
    return document.toxml()

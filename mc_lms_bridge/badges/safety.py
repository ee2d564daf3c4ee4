"""Allow-list check that an SVG tree can neither run script nor reach outside itself."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: S405 - only the Element type; parsing goes through defusedxml

SVG_NS = "http://www.w3.org/2000/svg"
PNG_DATA_URI = "data:image/png;base64,"

ALLOWED_TAGS = frozenset(
    f"{{{SVG_NS}}}{tag}"
    for tag in (
        "svg", "g", "defs", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "path", "text", "tspan", "image", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
        "use", "symbol",
    )
)
_URL_REF = re.compile(r"url\s*\(", re.IGNORECASE)
_LOCAL_URL_REF = re.compile(r"url\s*\(\s*['\"]?#", re.IGNORECASE)
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def _local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _href_ok(value: str) -> bool:
    if value.startswith("#"):
        return True
    return value.startswith(PNG_DATA_URI) and bool(_BASE64.fullmatch(value[len(PNG_DATA_URI) :]))


def svg_problems(root: ET.Element) -> list[str]:
    """Every reason the tree is unsafe; empty when it is safe to publish and rasterise."""
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in ALLOWED_TAGS:
            problems.append(f"element {element.tag!r} is not allowed")
            continue
        for name, value in element.attrib.items():
            local = _local_name(name)
            if local.lower().startswith("on"):
                problems.append(f"event handler attribute {name!r}")
            elif local == "base" or name.startswith("{http://www.w3.org/XML/1998/namespace}base"):
                problems.append(f"base URI attribute {name!r}")
            elif local == "href" and not _href_ok(value.strip()):
                problems.append(f"reference {value[:60]!r} is neither local nor an embedded PNG")
            elif len(_URL_REF.findall(value)) != len(_LOCAL_URL_REF.findall(value)):
                problems.append(f"attribute {name!r} refers to a non-local url()")
            elif "javascript:" in value.lower() or "@import" in value.lower():
                problems.append(f"attribute {name!r} holds script or an import")
    return problems


def is_safe_svg(root: ET.Element) -> bool:
    """True when :func:`svg_problems` finds nothing."""
    return not svg_problems(root)

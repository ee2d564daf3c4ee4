"""N-Quads terms as canonical strings: parse N-Quads text, escape literals, serialize quads (RDFC-1.0 form)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .canonical_errors import NQuadsSyntaxError

# A quad is (subject, predicate, object, graph); each term is already in canonical N-Quads form:
# "<iri>", "_:label" or '"escaped"', '"escaped"@lang', '"escaped"^^<datatype>'; graph "" is the default graph.
Quad = tuple[str, str, str, str]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# RDF 1.2 canonical N-Quads (required by RDFC-1.0): ECHAR for \b \t \n \f \r " \, UCHAR (upper-case hex)
# for the other C0 controls and DEL; everything else is written as itself.
_LITERAL_ESCAPES = {code: f"\\u{code:04X}" for code in [*range(0x00, 0x20), 0x7F]}
_LITERAL_ESCAPES.update(
    {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
)
_NEEDS_ESCAPE = re.compile('[\x00-\x1f\x7f"\\\\]')


def escape_literal(value: str) -> str:
    """Escape a literal's lexical form as canonical N-Quads requires."""
    if _NEEDS_ESCAPE.search(value) is None:
        return value
    return value.translate(_LITERAL_ESCAPES)


def iri_term(iri: str) -> str:
    """Canonical N-Quads form of an IRI."""
    return f"<{iri}>"


def literal_term(value: str, datatype: str | None = None, language: str | None = None) -> str:
    """Canonical N-Quads form of a literal (xsd:string is left implicit)."""
    text = f'"{escape_literal(value)}"'
    if language:
        return f"{text}@{language}"
    if datatype is None or datatype == XSD_STRING:
        return text
    return f"{text}^^<{datatype}>"


def serialize_quad(quad: Quad) -> str:
    """One N-Quads line, newline included."""
    subject, predicate, obj, graph = quad
    if graph:
        return f"{subject} {predicate} {obj} {graph} .\n"
    return f"{subject} {predicate} {obj} .\n"


def serialize_sorted(quads: Iterable[Quad]) -> str:
    """Serialize quads as sorted, de-duplicated N-Quads text."""
    return "".join(sorted({serialize_quad(quad) for quad in quads}))


# ---------------------------------------------------------------- parsing
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_IRI = rf"<((?:[^\x00-\x20<>\"{{}}|^`\\]|{_UCHAR})*)>"
_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS = f"{_PN_CHARS_BASE}_0-9\\-\u00b7\u0300-\u036f\u203f-\u2040"
_BNODE = rf"(_:[{_PN_CHARS_BASE}_0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)"
_STRING = r'"((?:[^"\\\n\r]|\\[tbnrf"\'\\]|' + _UCHAR + r')*)"'
_LITERAL = rf"{_STRING}(?:\^\^{_IRI}|@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*))?"
_WS = r"[ \t]*"
_QUAD = re.compile(
    rf"{_WS}(?:{_IRI}|{_BNODE}){_WS}{_IRI}{_WS}(?:{_IRI}|{_BNODE}|{_LITERAL}){_WS}"
    rf"(?:(?:{_IRI}|{_BNODE}){_WS})?\.{_WS}(?:#.*)?"
)
_BLANK_OR_COMMENT = re.compile(rf"{_WS}(?:#.*)?")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([tbnrf\"'\\]))")
_ECHAR_VALUES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape_match(match: re.Match[str]) -> str:
    short, long, echar = match.groups()
    if echar is not None:
        return _ECHAR_VALUES[echar]
    code = int(short or long, 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise NQuadsSyntaxError(f"Escape \\u{code:X} is not a Unicode scalar value.")
    return chr(code)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(_unescape_match, text) if "\\" in text else text


def _node(iri: str | None, bnode: str | None) -> str:
    return iri_term(_unescape(iri)) if iri is not None else bnode  # type: ignore[return-value]


def parse_nquads(text: str) -> list[Quad]:
    """Parse N-Quads text into de-duplicated quads with canonical term strings."""
    quads: dict[Quad, None] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        match = _QUAD.fullmatch(line)
        if match is None:
            if _BLANK_OR_COMMENT.fullmatch(line):
                continue
            raise NQuadsSyntaxError(f"Line {number} is not a valid N-Quads statement.")
        (s_iri, s_bnode, predicate, o_iri, o_bnode, lexical, datatype, language, g_iri, g_bnode) = match.groups()
        if o_iri is not None or o_bnode is not None:
            obj = _node(o_iri, o_bnode)
        else:
            value = _unescape(lexical)
            if datatype is not None:
                datatype = _unescape(datatype)
                if datatype == RDF_LANGSTRING:
                    raise NQuadsSyntaxError(f"Line {number} uses rdf:langString without a language tag.")
            obj = literal_term(value, datatype, language)
        graph = _node(g_iri, g_bnode) if (g_iri is not None or g_bnode is not None) else ""
        quads[(_node(s_iri, s_bnode), iri_term(_unescape(predicate)), obj, graph)] = None
    return list(quads)

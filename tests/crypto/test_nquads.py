"""N-Quads parsing and canonical escaping (RDF 1.2 canonical form used by RDFC-1.0)."""

from __future__ import annotations

import pytest

from mc_lms_bridge.crypto.canonical_errors import NQuadsSyntaxError
from mc_lms_bridge.crypto.nquads import escape_literal, literal_term, parse_nquads, serialize_sorted


def test_escapes_follow_rdf12_canonical_form():
    assert escape_literal('a"b\\c\nd\re\tf\bg\fh') == 'a\\"b\\\\c\\nd\\re\\tf\\bg\\fh'
    assert escape_literal("\x00\x0b\x1f\x7f") == "\\u0000\\u000B\\u001F\\u007F"
    assert escape_literal("é ∞ 🎃 <>{}") == "é ∞ 🎃 <>{}"


def test_literal_terms():
    assert literal_term("x") == '"x"'
    assert literal_term("x", "http://www.w3.org/2001/XMLSchema#string") == '"x"'
    assert literal_term("3", "http://www.w3.org/2001/XMLSchema#integer") == (
        '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    )
    assert literal_term("hi", language="en-gb") == '"hi"@en-gb'


def test_parse_unescapes_uchar_and_echar():
    quads = parse_nquads('<urn:ex:\\u0065x> <urn:p> "\\u0022\\U0001F383\\\'\\t" .\n')
    assert quads == [("<urn:ex:ex>", "<urn:p>", '"\\"🎃\'\\t"', "")]


def test_parse_graph_names_comments_and_duplicates():
    text = "# comment\n_:a <urn:p> <urn:o> _:g .\n\n_:a <urn:p> <urn:o> _:g .\n<urn:s> <urn:p> \"x\"@en <urn:g> .\n"
    assert parse_nquads(text) == [
        ("_:a", "<urn:p>", "<urn:o>", "_:g"),
        ("<urn:s>", "<urn:p>", '"x"@en', "<urn:g>"),
    ]


def test_serialize_sorted_deduplicates():
    quads = [("<urn:b>", "<urn:p>", '"1"', ""), ("<urn:a>", "<urn:p>", '"2"', "<urn:g>")] * 2
    assert serialize_sorted(quads) == '<urn:a> <urn:p> "2" <urn:g> .\n<urn:b> <urn:p> "1" .\n'


@pytest.mark.parametrize(
    "line",
    [
        "<urn:s> <urn:p> .",
        '"literal" <urn:p> <urn:o> .',
        "<urn:s> _:p <urn:o> .",
        "<urn:s> <urn:p> <urn:o>",
        '<urn:s> <urn:p> "unterminated .',
        '<urn:s> <urn:p> "x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .',
        '<urn:s> <urn:p> "\\uD800" .',
    ],
)
def test_malformed_lines_raise_a_specific_error(line):
    with pytest.raises(NQuadsSyntaxError, match="Line 1|Unicode scalar"):
        parse_nquads(line + "\n")

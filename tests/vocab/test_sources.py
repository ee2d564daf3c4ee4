"""Tests of the source parsers and of the committed source copies' integrity."""

import hashlib
import re

import pytest

from mc_lms_bridge.vocab.sources import (
    SourceFormatError,
    parse_concept_csv,
    parse_iso639_1_languages,
    parse_iso3166_alpha3_to_alpha2,
    parse_xsd_code_list,
)

from .paths import SOURCE_COPIES

XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.org/list/25831c2">
  <xs:simpleType name="T"><xs:restriction base="xs:anyURI">
    <xs:enumeration value="http://example.org/list/a"><xs:annotation>
      <xs:documentation>First
          entry</xs:documentation></xs:annotation></xs:enumeration>
    <xs:enumeration value="http://example.org/list/b"><xs:annotation><xs:documentation/></xs:annotation>
    </xs:enumeration>
  </xs:restriction></xs:simpleType>
</xs:schema>"""


def test_xsd_code_list_gives_namespace_and_entries_in_order_with_normalised_labels():
    code_list = parse_xsd_code_list(XSD)
    assert code_list.namespace == "http://example.org/list/25831c2"
    assert [(entry.uri, entry.label) for entry in code_list.entries] == [
        ("http://example.org/list/a", "First entry"),
        ("http://example.org/list/b", ""),
    ]


def test_xsd_without_target_namespace_is_rejected():
    with pytest.raises(SourceFormatError, match="targetNamespace"):
        parse_xsd_code_list('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>')


def test_xsd_without_enumerations_is_rejected():
    with pytest.raises(SourceFormatError, match="enumeration"):
        parse_xsd_code_list('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://e"/>')


def test_concept_csv_rows_are_read():
    rows = parse_concept_csv('scheme,concept_uri,label_en,source\nhttp://s,http://s/1,"A  (note)",x\n')
    assert [(row.scheme, row.uri, row.label) for row in rows] == [("http://s", "http://s/1", "A (note)")]


def test_concept_csv_without_the_columns_is_rejected():
    with pytest.raises(SourceFormatError, match="columns"):
        parse_concept_csv("a,b\n1,2\n")


def test_iso_tables_are_read():
    countries = parse_iso3166_alpha3_to_alpha2('{"3166-1": [{"alpha_2": "BE", "alpha_3": "BEL"}]}')
    assert countries == {"BEL": "BE"}
    languages = parse_iso639_1_languages(
        '{"639-2": [{"alpha_2": "fr", "alpha_3": "fra", "bibliographic": "fre", "name": "French"},'
        ' {"alpha_3": "ace", "name": "Achinese"}]}'
    )
    assert [(lang.alpha_2, lang.alpha_3, lang.bibliographic) for lang in languages] == [("fr", "FRA", "FRE")]


@pytest.mark.parametrize("parse", [parse_iso3166_alpha3_to_alpha2, parse_iso639_1_languages])
def test_iso_tables_of_the_wrong_shape_are_rejected(parse):
    with pytest.raises(SourceFormatError, match="lacks"):
        parse('{"unexpected": []}')


def recorded_checksums():
    table = (SOURCE_COPIES / "SOURCES.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| (\S+) \|.*\| ([0-9a-f]{64}) \|$", table, flags=re.MULTILINE))


def test_sources_table_lists_every_committed_copy():
    copies = {
        path.relative_to(SOURCE_COPIES).as_posix()
        for path in SOURCE_COPIES.rglob("*")
        if path.is_file() and path.name != "SOURCES.md"
    }
    assert copies == set(recorded_checksums())


@pytest.mark.parametrize(("relative_path", "sha256"), sorted(recorded_checksums().items()))
def test_committed_copies_are_byte_identical_to_the_official_files(relative_path, sha256):
    assert hashlib.sha256((SOURCE_COPIES / relative_path).read_bytes()).hexdigest() == sha256

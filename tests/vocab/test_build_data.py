"""The generator reproduces the shipped JSON from the committed sources, and ships only source URIs."""

import json

import pytest

from mc_lms_bridge import vocab
from mc_lms_bridge.vocab import build_data
from mc_lms_bridge.vocab.assembly import (
    FIXED_CODES,
    VocabularySources,
    build_all,
    clean_csv_label,
    slugify,
    with_fixed_codes,
)
from mc_lms_bridge.vocab.sources import CodeList, SourceEntry, SourceFormatError

from .paths import EDC_VOCAB_DIR, ISO_CODES_DIR, PACKAGE_DATA_DIR


@pytest.fixture(scope="module")
def sources():
    return build_data.read_sources(EDC_VOCAB_DIR, ISO_CODES_DIR)


@pytest.fixture(scope="module")
def source_text():
    paths = build_data.source_paths(EDC_VOCAB_DIR, ISO_CODES_DIR)
    return "\n".join(path.read_text(encoding="utf-8") for path in paths if path.suffix in (".csv", ".xsd"))


def test_generator_reproduces_the_shipped_json_byte_for_byte(sources):
    files = build_data.rendered_files(sources)
    assert sorted(files) == sorted(f"{name}.json" for name in vocab.NAMES)
    for file_name, text in files.items():
        assert (PACKAGE_DATA_DIR / file_name).read_text(encoding="utf-8") == text, file_name
    assert build_data.stale_files(files, PACKAGE_DATA_DIR) == []


@pytest.mark.parametrize("name", vocab.NAMES)
def test_every_shipped_uri_and_scheme_occurs_in_the_official_sources(name, source_text):
    vocabulary = vocab.get(name)
    assert vocabulary.scheme_uri in source_text
    for concept in vocabulary:
        assert f'"{concept.uri}"' in source_text or f",{concept.uri}," in source_text, concept.uri


def test_shipped_json_is_valid_json_with_the_payload_keys():
    for name in vocab.NAMES:
        payload = json.loads((PACKAGE_DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert set(payload) == {"name", "scheme_uri", "concepts"}
        assert payload["name"] == name


def test_cli_check_passes_on_the_package_and_writes_identical_files(tmp_path, capsys):
    common = [str(EDC_VOCAB_DIR), "--iso-codes", str(ISO_CODES_DIR)]
    assert build_data.main([*common, "--check"]) == 0
    assert build_data.main([*common, "--check", "--output", str(tmp_path)]) == 1
    assert "stale" in capsys.readouterr().out
    assert build_data.main([*common, "--output", str(tmp_path)]) == 0
    for name in vocab.NAMES:
        written = (tmp_path / f"{name}.json").read_text(encoding="utf-8")
        assert written == (PACKAGE_DATA_DIR / f"{name}.json").read_text(encoding="utf-8")


def test_missing_source_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="edci-and-sample-concepts.csv"):
        build_data.read_sources(tmp_path, ISO_CODES_DIR)


def test_supervision_row_with_an_unverified_label_is_left_out(sources):
    unverified = "http://data.europa.eu/snb/supervision-verification/44314532f9"
    assert any(row.uri == unverified for row in sources.csv_concepts)
    with pytest.raises(vocab.UnknownConcept):
        vocab.get("supervision").code(unverified)


def test_csv_only_credential_profiles_are_added_with_clean_labels():
    profiles = vocab.get("credential_profile")
    assert profiles.uri("issued-by-mandate") == "http://data.europa.eu/snb/credential/c_9a31f32a"
    assert profiles.label("converted") == "Converted"


@pytest.mark.parametrize(
    ("label", "slug"),
    [("Project based", "project-based"), ("Research-Lab based", "research-lab-based"),
     ("lab / simulation / practice coursework", "lab-simulation-practice-coursework"), ("Åland", "aland")],
)
def test_slugify(label, slug):
    assert slugify(label) == slug


def test_slugify_rejects_labels_without_letters_or_digits():
    with pytest.raises(SourceFormatError, match="no usable code"):
        slugify(" / ")


def test_clean_csv_label_drops_the_trailing_note_only():
    assert clean_csv_label("Generic (credentialProfiles; SHACL edc-generic-full)") == "Generic"
    assert clean_csv_label("Supervised with ID Verification") == "Supervised with ID Verification"


def test_fixed_codes_come_first_and_missing_fixed_concepts_are_reported():
    fixed_uri = FIXED_CODES["learning_setting"]["formal"]
    other_uri = FIXED_CODES["learning_setting"]["non-formal"]
    entries = [SourceEntry("http://x/extra", "Extra thing"), SourceEntry(other_uri, "b")]
    entries.append(SourceEntry(fixed_uri, "a"))
    codes = [draft.code for draft in with_fixed_codes("learning_setting", entries)]
    assert codes == ["formal", "non-formal", "extra-thing"]
    with pytest.raises(SourceFormatError, match="fixed concepts"):
        with_fixed_codes("learning_setting", entries[:2])


def test_build_all_reports_a_missing_code_list(sources):
    partial = VocabularySources(
        code_lists={"eqf.xsd": sources.code_lists["eqf.xsd"]},
        csv_concepts=sources.csv_concepts,
        iso_country_alpha2=sources.iso_country_alpha2,
        iso_languages=sources.iso_languages,
    )
    with pytest.raises(SourceFormatError, match="europass-modes.xsd"):
        build_all(partial)


def test_duplicate_slugs_are_reported(sources):
    modes = sources.code_lists["europass-modes.xsd"]
    duplicate = SourceEntry(f"{modes.namespace}/dup", "Project based")
    clash = CodeList(modes.namespace, (*modes.entries, duplicate))
    broken = VocabularySources(
        code_lists={**sources.code_lists, "europass-modes.xsd": clash},
        csv_concepts=sources.csv_concepts,
        iso_country_alpha2=sources.iso_country_alpha2,
        iso_languages=sources.iso_languages,
    )
    with pytest.raises(SourceFormatError, match="duplicate codes"):
        build_all(broken)


@pytest.mark.parametrize("name", ["isced_f", "nqf"])
def test_isced_f_and_nqf_codes_are_the_tails_of_the_official_uris(name, sources):
    vocabulary = vocab.get(name)
    official = sources.code_lists[f"{name.replace('_', '-')}.xsd"]
    assert {concept.uri for concept in vocabulary} == {entry.uri for entry in official.entries}
    for concept in vocabulary:
        assert concept.code == concept.uri.rsplit("/", 1)[1]


def _with_code_list(sources, file_name, entries):
    original = sources.code_lists[file_name]
    return VocabularySources(
        code_lists={**sources.code_lists, file_name: CodeList(original.namespace, tuple(entries))},
        csv_concepts=sources.csv_concepts,
        iso_country_alpha2=sources.iso_country_alpha2,
        iso_languages=sources.iso_languages,
    )


def test_an_unlabelled_qdr_concept_is_reported(sources):
    entries = [*sources.code_lists["nqf.xsd"].entries, SourceEntry("http://data.europa.eu/snb/qdr/c_ffffffff", "")]
    with pytest.raises(SourceFormatError, match="c_ffffffff"):
        build_all(_with_code_list(sources, "nqf.xsd", entries))


def test_an_isced_f_code_that_is_not_a_field_code_is_reported(sources):
    entries = [*sources.code_lists["isced-f.xsd"].entries, SourceEntry("http://data.europa.eu/snb/isced-f/x1", "X")]
    with pytest.raises(SourceFormatError, match="ISCED-F codes"):
        build_all(_with_code_list(sources, "isced-f.xsd", entries))

"""The concept URIs that docs/EU-ELEMENTS.md fixes map exactly as stated there."""

import pytest

from mc_lms_bridge import vocab
from mc_lms_bridge.vocab.assembly import sort_key

SNB = "http://data.europa.eu/snb"
AUTHORITY = "http://publications.europa.eu/resource/authority"

EXPECTED = [
    *[("eqf", str(level), f"{SNB}/eqf/{level}") for level in range(1, 9)],
    ("participation_mode", "online", f"{SNB}/learning-assessment/920fbb3cbe"),
    ("participation_mode", "blended", f"{SNB}/learning-assessment/e92d221e4d"),
    ("participation_mode", "presential", f"{SNB}/learning-assessment/9191af2ed9"),
    ("participation_mode", "work-based", f"{SNB}/learning-assessment/729f3bed4b"),
    ("learning_setting", "formal", f"{SNB}/learning-setting/6fd4685715"),
    ("learning_setting", "non-formal", f"{SNB}/learning-setting/e207a81fc7"),
    ("credit_framework", "ects", f"{SNB}/education-credit/6fcec5c5af"),
    ("credit_framework", "ecvet", f"{SNB}/education-credit/60b314e826"),
    ("qa_type", "programme", f"{SNB}/accreditation/820101cba6"),
    ("qa_type", "institutional", f"{SNB}/accreditation/bb4618238e"),
    ("credential_profile", "generic", f"{SNB}/credential/e34929035b"),
    ("supervision", "unsupervised-without-id-verification", f"{SNB}/supervision-verification/c598449d64"),
    ("country", "BE", f"{AUTHORITY}/country/BEL"),
    ("language", "en", f"{AUTHORITY}/language/ENG"),
    ("isced_f", "06", f"{SNB}/isced-f/06"),
    ("isced_f", "061", f"{SNB}/isced-f/061"),
    ("isced_f", "0613", f"{SNB}/isced-f/0613"),
    ("nqf", "c_c392e7a2", f"{SNB}/qdr/c_c392e7a2"),
]

SCHEMES = {
    "eqf": f"{SNB}/eqf/25831c2",
    "participation_mode": f"{SNB}/learning-assessment/25831c2",
    "learning_setting": f"{SNB}/learning-setting/25831c2",
    "assessment_type": f"{SNB}/assessment/25831c2",
    "credit_framework": f"{SNB}/education-credit/25831c2",
    "supervision": f"{SNB}/supervision-verification/25831c2",
    "qa_type": f"{SNB}/accreditation/25831c2",
    "credential_profile": f"{SNB}/credential/25831c2",
    "country": f"{AUTHORITY}/country",
    "language": f"{AUTHORITY}/language",
    "isced_f": f"{SNB}/isced-f/25831c2",
    "nqf": f"{SNB}/qdr/25831c2",
}

EU_AND_EEA = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split()
)
EU_LANGUAGES = "bg hr cs da nl en et fi fr de el hu ga it lv lt mt pl pt ro sk sl es sv".split()


@pytest.mark.parametrize(("name", "code", "uri"), EXPECTED)
def test_code_maps_to_the_official_uri_and_back(name, code, uri):
    assert vocab.get(name).uri(code) == uri
    assert vocab.get(name).code(uri) == code


@pytest.mark.parametrize(("name", "scheme_uri"), SCHEMES.items())
def test_scheme_iri(name, scheme_uri):
    assert vocab.get(name).scheme_uri == scheme_uri


@pytest.mark.parametrize("alpha_2", EU_AND_EEA)
def test_every_eu_and_eea_state_is_a_country_with_an_authority_uri(alpha_2):
    uri = vocab.get("country").uri(alpha_2)
    assert uri.startswith(f"{AUTHORITY}/country/")
    assert len(uri.rsplit("/", 1)[1]) == 3


def test_country_uris_use_alpha_3_codes():
    country = vocab.get("country")
    assert country.uri("DE") == f"{AUTHORITY}/country/DEU"
    assert country.uri("GR") == f"{AUTHORITY}/country/GRC"
    assert country.label("BE") == "Belgium"


@pytest.mark.parametrize("alpha_2", EU_LANGUAGES)
def test_every_official_eu_language_is_present(alpha_2):
    assert alpha_2 in vocab.get("language")


def test_language_uris_use_the_authority_codes():
    language = vocab.get("language")
    assert language.uri("de") == f"{AUTHORITY}/language/DEU"
    assert language.uri("fr") == f"{AUTHORITY}/language/FRA"
    assert language.uri("ga") == f"{AUTHORITY}/language/GLE"
    assert language.label("en") == "English"


def test_official_english_labels_are_kept():
    assert vocab.get("participation_mode").label("presential") == "Presential"
    assert vocab.get("qa_type").label("programme") == "Program Quality Assurance"
    assert vocab.get("credit_framework").label("ects") == "European Credit Transfer System"
    assert vocab.get("eqf").label("6") == "Level 6"
    assert vocab.get("credential_profile").label("generic") == "Generic"
    assert vocab.get("isced_f").label("0613") == "Software and applications development and analysis"
    assert vocab.get("nqf").label("c_c392e7a2") == "RQF Level 6"


def test_isced_f_holds_the_broad_narrow_and_detailed_fields_each_before_its_narrower_fields():
    isced_f = vocab.get("isced_f")
    codes = isced_f.codes()
    assert codes == sorted(codes)
    assert {len(code) for code in codes} == {2, 3, 4}
    assert codes.index("06") < codes.index("061") < codes.index("0613") < codes.index("07")
    assert isced_f.label("06") == "Information and Communication Technologies (ICTs)"


@pytest.mark.parametrize(("name", "code"), [
    ("isced_f", "6"), ("isced_f", "0613 "), ("isced_f", "9998"), ("isced_f", 613),
    ("nqf", "6"), ("nqf", "RQF Level 6"), ("nqf", "c_00000000"), ("nqf", f"{SNB}/qdr/c_c392e7a2"),
])
def test_unknown_isced_f_and_nqf_codes_are_rejected(name, code):
    assert code not in vocab.get(name)
    with pytest.raises(vocab.UnknownConcept):
        vocab.get(name).uri(code)


def test_nqf_concepts_are_sorted_by_label_for_pickers_and_include_frameworks_and_levels():
    nqf = vocab.get("nqf")
    labels = [label for _code, label in nqf.choices()]
    assert labels == sorted(labels, key=sort_key)
    assert "RQF Level 6" in labels and "Irish National Framework of Qualifications" in labels

"""Factories of realistic, fully populated credential records shared by the format-builder tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from mc_lms_bridge.formats.record import (
    AwardRecord,
    EvidenceRecord,
    LearnerRecord,
    LearningOutcomeRecord,
    MicroCredentialRecord,
    OrganisationRecord,
    QualityAssuranceRecord,
    lang_text,
)

ESCO_SKILL = "http://data.europa.eu/esco/skill/"

# Real ESCO skills (URIs as used in the official EC micro-credential sample and the OB3 constructed example).
SAMPLE_OUTCOMES = (
    (
        "1973c966-f236-40c9-b2d4-5d71a89019be",
        "Use spreadsheet software to clean, analyse and chart a data set.",
        "Utiliser un tableur pour nettoyer, analyser et représenter un jeu de données.",
    ),
    (
        "5fd5c985-eaaa-47aa-8314-62359c54505a",
        "Develop digital content that presents data findings to a lay audience.",
        "Développer un contenu numérique présentant des résultats à un public non spécialiste.",
    ),
    (
        "ccdf3597-5c80-410f-896d-e1bdfa223de9",
        "Stimulate creativity in a team working on a data project.",
        "Stimuler la créativité d'une équipe travaillant sur un projet de données.",
    ),
    (
        "80f308e6-0e09-404a-80cd-ec5f50f6f304",
        "Communicate results with the target community & stakeholders.",
        "Communiquer les résultats à la communauté cible et aux parties prenantes.",
    ),
    (
        "326809fc-238d-40c2-881e-40042f7f2f0d",
        "Establish collaborative relations with data providers.",
        "Établir des relations de collaboration avec les fournisseurs de données.",
    ),
)


def sample_issuer(**overrides) -> OrganisationRecord:
    """A Belgian university acting as issuer and awarding body."""
    values = dict(
        id="6b7c1f0e-2d4a-4a8e-9a51-3f5e2c9d1a01",
        did="did:web:badges.univ-example.be:orgs:univ-example",
        legal_name=lang_text({"en": "University of Example", "fr": "Université d'Exemple"}),
        legal_identifier="BE0123456789",
        country="BE",
        region="BE10",
        homepage="https://www.univ-example.be",
        email="credentials@univ-example.be",
        logo_url="https://badges.univ-example.be/static/logo.png",
        profile_url="https://badges.univ-example.be/orgs/univ-example/profile.json",
    )
    values.update(overrides)
    return OrganisationRecord(**values)


def sample_outcomes() -> tuple[LearningOutcomeRecord, ...]:
    """Five bilingual learning outcomes, each aligned to an ESCO skill."""
    return tuple(
        LearningOutcomeRecord(text=lang_text({"en": en, "fr": fr}), esco_skill_uri=ESCO_SKILL + uuid)
        for uuid, en, fr in SAMPLE_OUTCOMES
    )


def sample_microcredential(**overrides) -> MicroCredentialRecord:
    """A 5 ECTS, EQF 6, graded, stackable micro-credential with every Annex I element filled in."""
    issuer = overrides.pop("issuer", None) or sample_issuer()
    values = dict(
        id="0d9a7c52-5b0e-4f7e-8a0c-52e1b3f4c6d7",
        version=1,
        url="https://badges.univ-example.be/microcredentials/0d9a7c52-5b0e-4f7e-8a0c-52e1b3f4c6d7/v1",
        title=lang_text(
            {"en": "Data Literacy for Professionals", "fr": "Littératie des données pour professionnels"}
        ),
        description=lang_text(
            {
                "en": "A short course on reading, cleaning and presenting data in a professional context.",
                "fr": "Cours court : lire, nettoyer et présenter des données en contexte professionnel.",
            }
        ),
        languages=("en", "fr"),
        issuer=issuer,
        awarding_bodies=(issuer,),
        learning_outcomes=sample_outcomes(),
        ects_credits=Decimal("5"),
        workload_hours=125,
        eqf_level=6,
        assessment_type="written-examination",
        participation_mode="online",
        learning_setting="non-formal",
        quality_assurance=QualityAssuranceRecord(
            qa_type="programme",
            body_name="NVAO - Accreditation Organisation of the Netherlands and Flanders",
            url="https://www.nvao.net/en",
        ),
        assessment_description=lang_text(
            {"en": "Proctored online written examination.", "fr": "Examen écrit en ligne surveillé."}
        ),
        nqf_level="c_c392e7a2",  # QDR concept "RQF Level 6"
        isced_f_codes=("0613", "0542"),  # software development and analysis; statistics
        qf_ehea_cycle="first",
        prerequisites=lang_text(
            {"en": "Secondary school mathematics.", "fr": "Mathématiques de l'enseignement secondaire."}
        ),
        supervision="supervised-with-id-verification",
        grading_scheme=lang_text(
            {
                "en": "Scale 0-10; 5.5 is the minimum passing grade.",
                "fr": "Échelle de 0 à 10 ; 5,5 est la note minimale de réussite.",
            }
        ),
        stackability="stackable",
        further_information=lang_text(
            {
                "en": "Indicative content: spreadsheets, descriptive statistics, data visualisation.",
                "fr": "Contenu indicatif : tableurs, statistiques descriptives, visualisation de données.",
            }
        ),
        homepage="https://www.univ-example.be/courses/data-literacy",
        valid_for_days=None,
        published_at=datetime(2025, 1, 15, 9, 0, tzinfo=UTC),
    )
    values.update(overrides)
    return MicroCredentialRecord(**values)


def sample_learner(**overrides) -> LearnerRecord:
    """A learner with a urn:uuid subject id and an email address."""
    values = dict(
        id="a3f1e2d4-7b6c-4c1d-9e8f-0a1b2c3d4e5f",
        subject_id="urn:uuid:a3f1e2d4-7b6c-4c1d-9e8f-0a1b2c3d4e5f",
        given_name="Amélie",
        family_name="Dupont",
        email="amelie.dupont@example.org",
    )
    values.update(overrides)
    return LearnerRecord(**values)


def sample_evidence(**overrides) -> EvidenceRecord:
    """The LMS completion that triggered the award."""
    values = dict(
        id="https://lms.univ-example.be/courses/course-v1:UnivX+DL101+2025/completion/42",
        narrative="Completed all units and passed the final written examination with 8.5/10.",
        name="Course completion",
        source_platform="openedx",
        course_id="course-v1:UnivX+DL101+2025",
    )
    values.update(overrides)
    return EvidenceRecord(**values)


def sample_award(**overrides) -> AwardRecord:
    """An award graded 8.5/10, with one piece of evidence."""
    values = dict(
        id="5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170",
        credential_id="urn:uuid:5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170",
        awarded_at=datetime(2025, 6, 30, 12, 0, tzinfo=UTC),
        grade="8.5/10",
        evidence=(sample_evidence(),),
        public_url="https://badges.univ-example.be/c/5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170",
    )
    values.update(overrides)
    return AwardRecord(**values)


def minimal_microcredential(**overrides) -> MicroCredentialRecord:
    """The sample micro-credential stripped of every optional element (only mandatory ones remain)."""
    values = dict(
        assessment_description=lang_text({}),
        nqf_level="",
        isced_f_codes=(),
        qf_ehea_cycle="",
        prerequisites=lang_text({}),
        supervision="",
        grading_scheme=lang_text({}),
        stackability="standalone",
        further_information=lang_text({}),
        homepage="",
    )
    values.update(overrides)
    return replace(sample_microcredential(), **values)

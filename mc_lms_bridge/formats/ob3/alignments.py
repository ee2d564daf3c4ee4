"""OB3 Alignment objects that carry every EU micro-credential standard element machine-readably."""

from __future__ import annotations

from mc_lms_bridge import vocab
from mc_lms_bridge.formats.record import MicroCredentialRecord, OrganisationRecord

from .errors import OB3RecordError
from .text import fragment_iri, required_text_in, text_in

# targetType of each EU element (OB3 AlignmentTargetType is extensible with the "ext:" prefix).
ESCO_SKILL = "ext:ESCOSkill"
LEARNING_OUTCOME = "ext:LearningOutcome"
EQF_LEVEL = "ext:EQFLevel"
NQF_LEVEL = "ext:NQFLevel"
ISCED_F = "ext:ISCEDFCode"
QF_EHEA_CYCLE = "ext:QFEHEACycle"
ASSESSMENT_TYPE = "ext:AssessmentType"
PARTICIPATION_MODE = "ext:ParticipationMode"
LEARNING_SETTING = "ext:LearningSetting"
QUALITY_ASSURANCE = "ext:QualityAssuranceType"
QUALITY_ASSURANCE_BODY = "ext:QualityAssuranceBody"
SUPERVISION = "ext:SupervisionAndIdVerification"
CREDIT_FRAMEWORK = "ext:CreditFramework"
NOTIONAL_WORKLOAD = "ext:NotionalWorkload"
LANGUAGE = "ext:InstructionLanguage"
AWARDING_BODY = "ext:AwardingBody"
PREREQUISITES = "ext:Prerequisites"
FURTHER_INFORMATION = "ext:FurtherInformation"

# targetFramework of each vocabulary-backed element (the EU Vocabularies concept scheme, by name).
VOCABULARY_FRAMEWORKS = {
    "eqf": (EQF_LEVEL, "European Qualifications Framework"),
    "assessment_type": (ASSESSMENT_TYPE, "EU Vocabularies: assessment type"),
    "participation_mode": (PARTICIPATION_MODE, "EU Vocabularies: learning and assessment mode"),
    "learning_setting": (LEARNING_SETTING, "EU Vocabularies: learning setting"),
    "qa_type": (QUALITY_ASSURANCE, "EU Vocabularies: accreditation (quality assurance) type"),
    "supervision": (SUPERVISION, "EU Vocabularies: supervision and verification"),
    "credit_framework": (CREDIT_FRAMEWORK, "EU Vocabularies: education credit system"),
    "language": (LANGUAGE, "EU Vocabularies: languages"),
    "nqf": (NQF_LEVEL, "EU Vocabularies: qualification frameworks and levels (QDR)"),
    "isced_f": (ISCED_F, "ISCED-F 2013"),
}

ESCO_FRAMEWORK = "ESCO (European Skills, Competences, Qualifications and Occupations)"
ELM_FRAMEWORK = "European Learning Model 3.2"
ELM_PROPERTY = "http://data.europa.eu/snb/model/elm/"
QF_EHEA_FRAMEWORK = "Framework of Qualifications for the European Higher Education Area"
QF_EHEA_URL = "https://www.ehea.info/page-qualification-frameworks"
QF_EHEA_CYCLES = ("short", "first", "second", "third")
NQF_URL = "https://europass.europa.eu/en/compare-qualifications"
AWARDING_BODY_FRAMEWORK = "Awarding bodies (Council Recommendation 2022/C 243/02, Annex I)"


def alignment(
    target_type: str, name: str, url: str, framework: str, code: str = "", description: str = ""
) -> dict:
    """Return one OB3 Alignment; empty optional fields are left out."""
    result = {"type": ["Alignment"], "targetName": name, "targetUrl": url, "targetFramework": framework}
    if code:
        result["targetCode"] = code
    if description:
        result["targetDescription"] = description
    result["targetType"] = target_type
    return result


def concept_alignment(vocabulary: str, code: object, language: str, description: str = "") -> dict:
    """Return the Alignment to the official concept of ``code`` in an EU vocabulary."""
    target_type, framework = VOCABULARY_FRAMEWORKS[vocabulary]
    concept = vocab.get(vocabulary).concept(code)
    return alignment(target_type, concept.label(language), concept.uri, framework, concept.code, description)


def learning_outcome_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """One Alignment per learning outcome: to its ESCO skill, else to its anchor on the achievement page."""
    if not microcredential.learning_outcomes:
        raise OB3RecordError("The micro-credential has no learning outcomes.")
    alignments = []
    for number, outcome in enumerate(microcredential.learning_outcomes, start=1):
        text = required_text_in(outcome.text, language, f"text of learning outcome {number}")
        if outcome.esco_skill_uri:
            code = outcome.esco_skill_uri.rstrip("/").rsplit("/", 1)[-1]
            alignments.append(alignment(ESCO_SKILL, text, outcome.esco_skill_uri, ESCO_FRAMEWORK, code))
        else:
            url = fragment_iri(microcredential.url, f"learning-outcome-{number}")
            alignments.append(alignment(LEARNING_OUTCOME, text, url, "Learning outcomes", str(number)))
    return alignments


def level_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """Alignments to the EQF level, the national framework level and the QF-EHEA cycle, when applicable."""
    alignments = []
    if microcredential.eqf_level is not None:
        alignments.append(concept_alignment("eqf", microcredential.eqf_level, language))
    if microcredential.nqf_level in vocab.get("nqf"):
        alignments.append(concept_alignment("nqf", microcredential.nqf_level, language))
    elif microcredential.nqf_level:  # free text of a version older than the QDR vocabulary
        country = vocab.get("country").concept(microcredential.issuer.country)
        framework = f"National qualifications framework of {country.label(language)}"
        name = f"NQF level {microcredential.nqf_level}"
        alignments.append(alignment(NQF_LEVEL, name, NQF_URL, framework, microcredential.nqf_level))
    if microcredential.qf_ehea_cycle:
        cycle = microcredential.qf_ehea_cycle
        if cycle not in QF_EHEA_CYCLES:
            raise OB3RecordError(f"QF-EHEA cycle {cycle!r} is not one of {', '.join(QF_EHEA_CYCLES)}.")
        name = f"QF-EHEA {cycle} cycle"
        alignments.append(alignment(QF_EHEA_CYCLE, name, QF_EHEA_URL, QF_EHEA_FRAMEWORK, cycle))
    return alignments


def field_of_education_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """One Alignment per ISCED-F 2013 field of education."""
    return [concept_alignment("isced_f", code, language) for code in microcredential.isced_f_codes]


def workload_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """Alignments to the credit system (ECTS) and to the notional workload in hours (ISO 8601 duration)."""
    if microcredential.ects_credits is None and microcredential.workload_hours is None:
        raise OB3RecordError("The micro-credential states neither ECTS credits nor a workload in hours.")
    alignments = []
    if microcredential.ects_credits is not None:
        credits = f"{microcredential.ects_credits.normalize():f} ECTS credits"
        alignments.append(concept_alignment("credit_framework", "ects", language, credits))
    if microcredential.workload_hours is not None:
        hours = microcredential.workload_hours
        url = ELM_PROPERTY + "volumeOfLearning"
        alignments.append(alignment(NOTIONAL_WORKLOAD, f"{hours} hours", url, ELM_FRAMEWORK, f"PT{hours}H"))
    return alignments


def delivery_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """Alignments to the assessment type, participation mode, learning setting and supervision."""
    assessment = text_in(microcredential.assessment_description, language)
    alignments = [
        concept_alignment("assessment_type", microcredential.assessment_type, language, assessment),
        concept_alignment("participation_mode", microcredential.participation_mode, language),
        concept_alignment("learning_setting", microcredential.learning_setting, language),
    ]
    if microcredential.supervision:
        alignments.append(concept_alignment("supervision", microcredential.supervision, language))
    return alignments


def quality_assurance_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """Alignment to the QA type (body named in targetDescription) plus one to the QA body's page."""
    qa = microcredential.quality_assurance
    alignments = [concept_alignment("qa_type", qa.qa_type, language, qa.body_name)]
    if qa.url:
        body = qa.body_name or qa.url
        alignments.append(alignment(QUALITY_ASSURANCE_BODY, body, qa.url, "Quality assurance body"))
    return alignments


def awarding_body_alignment(body: OrganisationRecord, language: str) -> dict:
    """Alignment naming one awarding body (targetCode is its DID)."""
    name = required_text_in(body.legal_name, language, f"legal name of awarding body {body.id}")
    url = body.homepage or body.profile_url or body.did
    return alignment(AWARDING_BODY, name, url, AWARDING_BODY_FRAMEWORK, body.did)


def text_element_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """Alignments for the optional free-text elements: prerequisites and further information."""
    alignments = []
    prerequisites = text_in(microcredential.prerequisites, language)
    if prerequisites:
        url = ELM_PROPERTY + "entryRequirement"
        alignments.append(alignment(PREREQUISITES, "Prerequisites", url, ELM_FRAMEWORK, "", prerequisites))
    further = text_in(microcredential.further_information, language)
    if further or microcredential.homepage:
        url = microcredential.homepage or ELM_PROPERTY + "additionalNote"
        name = "Further information"
        alignments.append(alignment(FURTHER_INFORMATION, name, url, ELM_FRAMEWORK, "", further))
    return alignments


def eu_element_alignments(microcredential: MicroCredentialRecord, language: str) -> list[dict]:
    """Return every Alignment of the achievement, in a stable order."""
    return [
        *learning_outcome_alignments(microcredential, language),
        *level_alignments(microcredential, language),
        *field_of_education_alignments(microcredential, language),
        *workload_alignments(microcredential, language),
        *delivery_alignments(microcredential, language),
        *quality_assurance_alignments(microcredential, language),
        *(awarding_body_alignment(body, language) for body in awarding_bodies(microcredential)),
        *(concept_alignment("language", code, language) for code in microcredential.languages),
        *text_element_alignments(microcredential, language),
    ]


def awarding_bodies(microcredential: MicroCredentialRecord) -> tuple[OrganisationRecord, ...]:
    """The awarding bodies, falling back to the issuer when none is listed."""
    return microcredential.awarding_bodies or (microcredential.issuer,)

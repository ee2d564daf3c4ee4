"""Readable names ("Learning outcome 2", "The issuer") for the nodes of an EDC credential, by node id."""

from __future__ import annotations

import re

# Role of a node, from the key that holds it. Keys not listed fall back to the node's type.
ROLE_NAMES = {
    "credentialSubject": "the learner",
    "issuer": "the issuer",
    "hasClaim": "the learning achievement",
    "awardedBy": "the awarding process",
    "awardingBody": "awarding body",
    "provenBy": "the assessment",
    "learningOutcome": "learning outcome",
    "creditPoint": "the credit points",
    "accreditation": "the quality assurance",
    "accreditingAgent": "the quality-assurance body",
    "grade": "the grade",
    "gradingScheme": "the grading scheme",
    "entryRequirement": "the prerequisites",
    "additionalNote": "the further information",
    "displayParameter": "the display settings",
    "individualDisplay": "display",
    "displayDetail": "the display page",
    "image": "the display image",
    "eqfLevel": "the EQF level",
    "nqfLevel": "the NQF level",
    "thematicArea": "the field of education",
    "mode": "the form of participation",
    "learningSetting": "the learning setting",
    "idVerification": "the supervision and identity verification",
    "framework": "the credit framework",
    "credentialProfiles": "the credential profile",
    "primaryLanguage": "the primary language",
    "language": "the language",
    "relatedESCOSkill": "the ESCO skill",
    "contentType": "the image file type",
    "contentEncoding": "the image encoding",
    "eIDASIdentifier": "the eIDAS legal identifier",
    "homepage": "the homepage",
    "contactPoint": "the contact point",
}
# Keys whose value is a sub-part best named after its owner ("the address of the issuer").
OWNED_PARTS = {"location": "the location", "address": "the address", "countryCode": "the country",
               "spatial": "the country"}
NUMBERED_ROLES = {"awardingBody", "learningOutcome", "individualDisplay"}


def specified_by_name(parent_type: str) -> str:
    """``specifiedBy`` names the qualification under an achievement, the specification elsewhere."""
    return "the qualification" if parent_type == "LearningAchievement" else "the assessment specification"


DCTYPE_NAMES = {
    "Accreditation": "the type of quality assurance",
    "LearningAssessmentSpecification": "the type of assessment",
}


def role_name(key: str, position: int, count: int, parent: dict, owner: str) -> str:
    """Readable name of the ``position``-th node under ``key`` of ``parent`` (owned by ``owner``)."""
    if key == "specifiedBy":
        return specified_by_name(str(parent.get("type", "")))
    if key == "dcType":
        return DCTYPE_NAMES.get(str(parent.get("type", "")), "the type")
    if key in OWNED_PARTS:
        return f"{OWNED_PARTS[key]} of {owner}"
    if key in NUMBERED_ROLES:
        numbered = count > 1 or key == "learningOutcome"
        return f"{ROLE_NAMES[key]} {position}" if numbered else f"the {ROLE_NAMES[key]}"
    if key == "relatedESCOSkill":
        return f"{ROLE_NAMES[key]} of {owner}"
    return ROLE_NAMES.get(key) or "the " + re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key).lower()


def node_names(credential: dict) -> dict[str, str]:
    """Map every node id of the credential to a readable name (first occurrence wins)."""
    names: dict[str, str] = {}
    issuer = credential.get("issuer")
    if isinstance(issuer, dict) and isinstance(issuer.get("id"), str):
        names[issuer["id"]] = "the issuer"  # also an awarding body, usually; "the issuer" is what people know

    def visit(node: dict, name: str, owner: str) -> None:
        node_id = node.get("id")
        if isinstance(node_id, str):
            names.setdefault(node_id, name)
        for key, value in node.items():
            items = value if isinstance(value, list) else [value]
            children = [item for item in items if isinstance(item, dict)]
            for position, child in enumerate(children, 1):
                child_name = role_name(key, position, len(children), node, owner)
                visit(child, child_name, owner if key in OWNED_PARTS else child_name)

    visit(credential, "the credential", "the credential")
    return names


def capitalised(text: str) -> str:
    """Sentence case for the start of a message."""
    return text[:1].upper() + text[1:]

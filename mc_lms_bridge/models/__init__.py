"""Models of mc-lms-bridge, grouped by concern; import them from here."""

from .api_token import ApiToken, Scope
from .audit import AuditLogEntry
from .award import Award
from .completion_event import CompletionEvent, EventState
from .course_tag import CompletionRule, CourseTag
from .credential_visibility import CredentialVisibility
from .delivery import Delivery, DeliveryState
from .erasure_request import ErasureRequest
from .issued_credential import CredentialFormat, CredentialState, IssuedCredential
from .issuer_key import IssuerKey, KeyAlgorithm
from .learner import Learner, LearnerAccount
from .microcredential import (
    ImmutableVersionError,
    LearningOutcome,
    MicroCredential,
    MicroCredentialVersion,
    QfEheaCycle,
    ReversalPolicy,
    Stackability,
    Status,
)
from .moodle import MoodleSite
from .oid4vci import CredentialOffer, HolderCredential, WalletAccessToken, WalletNonce
from .organisation import Organisation
from .pathway import Pathway, PathwayIndexEntry, PathwayRevocationPolicy
from .recognition import Recognition, RecognitionDecision, RecognitionRule
from .seal import OrganisationSeal
from .sign_in_link import SignInLink
from .status_list import StatusList, StatusPurpose

__all__ = [
    "CredentialVisibility", "ErasureRequest", "SignInLink", "CredentialOffer", "HolderCredential",
    "WalletAccessToken", "WalletNonce",
    "Award", "CredentialFormat", "CredentialState", "IssuedCredential", "IssuerKey", "KeyAlgorithm", "StatusList",
    "StatusPurpose", "OrganisationSeal", "CompletionEvent", "EventState", "Delivery",
    "DeliveryState", "ReversalPolicy", "MoodleSite",
    "ApiToken", "AuditLogEntry", "CompletionRule", "CourseTag", "ImmutableVersionError", "Learner",
    "LearnerAccount", "LearningOutcome", "MicroCredential", "MicroCredentialVersion", "Organisation", "Pathway",
    "QfEheaCycle", "Scope", "Stackability", "Status",
    "PathwayIndexEntry", "PathwayRevocationPolicy", "Recognition", "RecognitionDecision", "RecognitionRule",
]

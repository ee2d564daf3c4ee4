"""Models of mc-lms-bridge, grouped by concern; import them from here."""

from .api_token import ApiToken, Scope
from .audit import AuditLogEntry
from .course_tag import CompletionRule, CourseTag
from .learner import Learner, LearnerAccount
from .microcredential import (
    ImmutableVersionError,
    LearningOutcome,
    MicroCredential,
    MicroCredentialVersion,
    QfEheaCycle,
    Stackability,
    Status,
)
from .organisation import Organisation
from .pathway import Pathway

__all__ = [
    "ApiToken", "AuditLogEntry", "CompletionRule", "CourseTag", "ImmutableVersionError", "Learner",
    "LearnerAccount", "LearningOutcome", "MicroCredential", "MicroCredentialVersion", "Organisation", "Pathway",
    "QfEheaCycle", "Scope", "Stackability", "Status",
]

"""An LMS-like xblock runtime for the tests: XBlock's ToyRuntime plus the services edx-platform provides."""

from __future__ import annotations

import uuid

from opaque_keys.edx.keys import CourseKey
from opaque_keys.edx.locator import BlockUsageLocator
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.test.toy_runtime import ToyRuntime

from mc_lms_bridge.compat import PLATFORM_USER_ID_ATTR
from xblocks.microcredential import MicroCredentialXBlock

LMS = "https://lms.example.edu"
COURSE_ID = "course-v1:MCB+DL101+2025"


class LmsUserService(UserService):
    """The user service as edx-platform implements it: the current user, with the platform user id attribute."""

    def get_current_user(self):
        return self._user


class LmsLikeRuntime(ToyRuntime):
    """ToyRuntime with in-memory field data and a user service that carries the platform user id, as the LMS."""

    def __init__(self, user_id: int | None):
        super().__init__()
        self._services["field-data"] = DictFieldData({})
        if user_id is not None:
            user = XBlockUser(is_current_user=True, emails=["ada@example.org"], full_name="Ada Lovelace")
            user.opt_attrs[PLATFORM_USER_ID_ATTR] = user_id
            self._services["user"] = LmsUserService(user=user)


def make_block(*, course_id: str = COURSE_ID, user_id: int | None = 42, **fields) -> MicroCredentialXBlock:
    """A MicroCredentialXBlock placed in a course, as the LMS (or Studio, with user_id=None) would load it."""
    runtime = LmsLikeRuntime(user_id)
    usage_id = BlockUsageLocator(CourseKey.from_string(course_id), "micro_credential", uuid.uuid4().hex)
    block = runtime.construct_xblock_from_class(
        MicroCredentialXBlock, ScopeIds(user_id, "micro_credential", usage_id, usage_id))
    for name, value in fields.items():
        setattr(block, name, value)
    block.save()
    return block


def render(block, view: str) -> str:
    return block.runtime.render(block, view).content

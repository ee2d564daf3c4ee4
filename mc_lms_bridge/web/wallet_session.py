"""Who the wallet's learner is: the e-mailed sign-in session, an Open edX login, or an LTI launch."""

from __future__ import annotations

from django.conf import settings

from ..models import Learner, LearnerAccount

#: Session key holding the signed-in learner's UUID (str). The LTI tool sets it after a launch to open the
#: wallet for the launching learner: ``request.session[WALLET_SESSION_KEY] = str(learner.pk)``.
WALLET_SESSION_KEY = "mc_lms_bridge.wallet_learner"


def start_session(request, learner: Learner) -> None:
    """Scope this browser session to ``learner`` (new session key: no fixation)."""
    request.session.cycle_key()
    request.session[WALLET_SESSION_KEY] = str(learner.pk)


def end_session(request) -> None:
    request.session.pop(WALLET_SESSION_KEY, None)
    request.session.cycle_key()


def _session_learner(request) -> Learner | None:
    learner_id = request.session.get(WALLET_SESSION_KEY)
    if not learner_id:
        return None
    return Learner.objects.filter(pk=learner_id, erasure_requests__isnull=True).first()


def _openedx_learner(request) -> Learner | None:
    """The logged-in Open edX user's learner (plugin mode only: LMS_ROOT_URL or the instance setting is set)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not getattr(settings, "LMS_ROOT_URL", ""):
        return None
    from ..connectors.openedx.instance import PLATFORM, platform_instance

    account = (LearnerAccount.objects.select_related("learner")
               .filter(platform=PLATFORM, platform_instance=platform_instance(), user_id=str(user.pk)).first())
    if account is None or account.learner.erasure_requests.exists():
        return None
    return account.learner


def current_learner(request) -> Learner | None:
    """The learner this request acts for, or None (anonymous)."""
    return _session_learner(request) or _openedx_learner(request)

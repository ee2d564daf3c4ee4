"""Two independent LTI 1.3 platforms driving the tool over HTTP: lti1p3platform (Moodle-shaped) and Open edX's.

Each driver plays the browser too: it follows the tool's login redirect, lets its platform library answer the
OIDC authentication request, and posts the id_token the library signed to the tool's launch URL.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from urllib.parse import parse_qsl, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request
from lti_consumer.data import Lti1p3LaunchData
from lti_consumer.lti_1p3.constants import LTI_1P3_CONTEXT_TYPE
from lti_consumer.lti_1p3.consumer import LtiAdvantageConsumer

TOOL = "http://testserver"
MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
INSTRUCTOR = [MEMBERSHIP + "Instructor"]
LEARNER = [MEMBERSHIP + "Learner"]


def new_private_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def query_of(url: str) -> dict:
    return dict(parse_qsl(urlsplit(url).query))


def hidden_fields(html: str) -> dict:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def tamper_payload(token: str, **changes) -> str:
    """Change claims of a signed JWT without re-signing it (the signature no longer matches)."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    encoded = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"


class _DictRequest(Request):
    def build_metadata(self, request):
        return {"method": "GET", "form_data": {}, "get_data": request, "headers": {}, "content_type": None,
                "path": "/auth", "json": None}


class _Config(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs):
        self.registration = kwargs["registration"]

    def get_registration_by_params(self, **kwargs):
        return self.registration


class _Login(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class _Launch(LTIAdvantageMessageLaunchAbstract):
    mutate = None

    def get_launch_message(self, include_extra_claims=True):
        message = super().get_launch_message(include_extra_claims)
        return self.mutate(message) if self.mutate else message

    def render_launch_form(self, launch_data, **kwargs):
        return launch_data


class MoodlePlatform:
    """lti1p3platform playing a Moodle site: Moodle's claims (custom, ext, lis, tool_platform family "moodle")."""

    issuer = "https://moodle.test"
    client_id = "moodle-client-1"
    deployment_id = "3"
    auth_url = "https://moodle.test/mod/lti/auth.php"

    def __init__(self, client, private_pem: str):
        self.client, self.private_pem = client, private_pem
        self.registration = (Registration().set_iss(self.issuer).set_client_id(self.client_id)
                             .set_deployment_id(self.deployment_id).set_oidc_login_url(f"{TOOL}/lti/login/")
                             .set_launch_url(f"{TOOL}/lti/launch/").set_deeplink_launch_url(f"{TOOL}/lti/launch/")
                             .set_platform_private_key(private_pem)
                             .set_platform_public_key(self._public_pem(private_pem))
                             .set_tool_key_set_url(f"{TOOL}/lti/jwks/"))
        self.config = _Config(registration=self.registration)
        self.config.get_registration()

    @staticmethod
    def _public_pem(private_pem: str) -> str:
        key = serialization.load_pem_private_key(private_pem.encode(), None)
        return key.public_key().public_bytes(serialization.Encoding.PEM,
                                             serialization.PublicFormat.SubjectPublicKeyInfo).decode()

    def jwks(self) -> dict:
        return self.config.get_jwks()

    def login(self, user_id: str, *, method: str = "get"):
        """Third-party initiated login, as Moodle sends it (POST auto-submitted, or GET)."""
        login = _Login(None, self.config)
        login.set_lti_message_hint(hint="resource-42")
        url = login.prepare_preflight_url(user_id)
        if method == "post":
            return self.client.post(urlsplit(url).path, query_of(url))
        return self.client.get(url)

    def id_token(self, auth_request: dict, *, user_id: str, roles, context_id="course-7", deep_linking=False,
                 mutate=None, expiration: int = 300) -> dict:
        """Answer the tool's OIDC authentication request with a signed id_token (and the state)."""
        launch = _Launch(_DictRequest(auth_request), self.config)
        launch.mutate = mutate
        launch.set_id_token_expiration(expiration)
        launch.set_user_data(user_id, roles, full_name="Ada Lovelace", email_address="ada@example.org")
        launch.set_resource_link_claim("resource-42", title="Micro-credential")
        launch.set_launch_context_claim(context_id, [LTI_1P3_CONTEXT_TYPE.course_offering.value],
                                        "Data Literacy 101", "DL101")
        launch.set_custom_parameters_claim({"course_idnumber": "DL-101"})
        launch.set_extra_claims({
            "https://purl.imsglobal.org/spec/lti/claim/tool_platform": {
                "family_code": "moodle", "version": "2024100700", "guid": "moodle.test", "name": "Moodle Test"},
            "https://purl.imsglobal.org/spec/lti/claim/lis": {
                "person_sourcedid": "S-123", "course_section_sourcedid": "DL101-A"},
            "https://purl.imsglobal.org/spec/lti/claim/ext": {"lms": "moodle-2", "user_username": "ada"},
        })
        if deep_linking:
            launch.set_dl("https://moodle.test/mod/lti/contentitem_return.php", title="Add activity",
                          accept_types={"ltiResourceLink"}, extra_data="opaque-data-1")
        return launch.lti_launch()

    def launch(self, user_id="moodle-user-9", roles=INSTRUCTOR, *, login_method="get", **kwargs):
        """The whole flow; returns the tool's answer to the launch POST."""
        redirect = self.login(user_id, method=login_method)
        assert redirect.status_code == 302, redirect.content
        form = self.id_token(query_of(redirect["Location"]), user_id=user_id, roles=roles, **kwargs)
        return self.client.post(urlsplit(form["launch_url"]).path, {"id_token": form["id_token"],
                                                                     "state": form["state"]})


class OpenEdxPlatform:
    """Open edX's LTI 1.3 consumer (lti-consumer-xblock) used standalone, as an Open edX course does."""

    issuer = "https://openedx.test"
    client_id = "edx-client-1"
    deployment_id = "1"

    def __init__(self, client, private_pem: str, *, tool_keyset_url: str | None = None):
        self.client = client
        self.consumer = LtiAdvantageConsumer(
            iss=self.issuer, lti_oidc_url=f"{TOOL}/lti/login/", lti_launch_url=f"{TOOL}/lti/launch/",
            client_id=self.client_id, deployment_id=self.deployment_id, rsa_key=private_pem,
            rsa_key_id="edx-key-1", redirect_uris=[f"{TOOL}/lti/launch/"], tool_keyset_url=tool_keyset_url)

    def jwks(self) -> dict:
        return self.consumer.get_public_keyset()

    def launch(self, user_id="edx-user-5", role="staff", *, context_id="course-v1:Org+DL+2025",
               deep_linking=False):
        message_type = "LtiDeepLinkingRequest" if deep_linking else "LtiResourceLinkRequest"
        if deep_linking:
            self.consumer.enable_deep_linking(f"{TOOL}/lti/launch/", "https://openedx.test/api/lti/dl-return")
        data = Lti1p3LaunchData(user_id=user_id, user_role=role, config_id=uuid.uuid4(),
                                resource_link_id="block-v1:Org+DL+2025+type@lti_consumer+block@1",
                                context_id=context_id, context_title="Data Literacy", message_type=message_type)
        redirect = self.client.get(self.consumer.prepare_preflight_url(data))
        assert redirect.status_code == 302, redirect.content
        self.consumer.set_user_data(user_id, role)
        self.consumer.set_resource_link_claim(data.resource_link_id)
        self.consumer.set_context_claim(context_id, [LTI_1P3_CONTEXT_TYPE.course_offering], "Data Literacy")
        answer = self.consumer.generate_launch_request(query_of(redirect["Location"]))
        return self.client.post("/lti/launch/", answer)

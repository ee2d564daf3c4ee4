"""The platform side of LTI Advantage for the tests: lti1p3platform's token, NRPS and AGS code behind SpecServer.

The token endpoint also checks the tool's client assertion itself (signature with the tool JWKS, aud = token
URL, iss = sub = client id, exp, single-use jti) and answers 401 naming the failed check.
"""

from __future__ import annotations

import time

import jwt
from lti1p3platform.membership import Context
from lti1p3platform.request import Request
from lti1p3platform.service_connector import AssignmentsGradesService, NamesRoleProvisioningService

TOKEN_PATH = "/mod/lti/token.php"
MEMBERS_PATH = "/nrps/course-7/members"
LINEITEMS_PATH = "/ags/course-7/lineitems"
LINEITEM_PATH = "/ags/course-7/lineitems/5/lineitem"


class _Request(Request):
    def build_metadata(self, seen):
        query = {k: int(v) if k in ("page", "limit") else v for k, v in seen.query.items()}
        return {"method": seen.method, "form_data": {}, "get_data": query, "path": seen.path,
                "headers": {"Authorization": seen.headers.get("authorization", "")},
                "content_type": seen.headers.get("content-type"), "json": seen.json() if seen.body else None}


class Roster(NamesRoleProvisioningService):
    members: list

    def get_member_data_page(self, page=1, limit=None, **kwargs):
        start = (page - 1) * limit
        return {"content": self.members[start:start + limit], "has_next": start + limit < len(self.members)}

    def get_context_by_id(self):
        return Context(id="course-7", label="DL101", title="Data Literacy 101")


class Gradebook(AssignmentsGradesService):
    def __init__(self, *args, store, **kwargs):
        super().__init__(*args, **kwargs)
        self.store = store

    def find_lineitems(self, page=1, limit=None, line_item_id=None, resource_link_id=None, resource_id=None,
                       tag=None):
        items = [i for i in self.store["lineitems"] if tag in (None, i.get("tag"))]
        return {"content": items, "has_next": False}

    def find_lineitem(self, line_item_id):
        return next(i for i in self.store["lineitems"] if i["id"] == line_item_id)

    def create_lineitem(self, creation_data):
        item = {**creation_data, "id": f"{self.ags.lineitems_url}/9/lineitem"}
        self.store["lineitems"].append(item)
        return item

    def update_lineitem(self, update_data):
        return update_data

    def delete_lineitem(self, line_item_id):
        return None

    def update_score(self, line_item_id, score):
        from lti1p3platform.score import UpdateScoreStatus

        self.store["scores"].append((line_item_id, score))
        return UpdateScoreStatus.SUCCESS

    def get_results(self, line_item_id, page=1, limit=None, user_id=None):
        return {"content": [], "has_next": False}


def _answer(response):
    """The library's answer as the specs put it: next page in a Link header, line item containers as arrays."""
    body = response.result if response.result is not None else {"message": response.message}
    headers = {"Content-Type": response.media_type}
    if isinstance(body, dict) and body.get("next"):
        headers["Link"] = f'<{body.pop("next")}>; rel="next"'
    if isinstance(body, dict) and "content" in body:
        body = body["content"]
    return response.code, headers, body


def install(server, driver, tool_jwks: dict, *, page_size: int = 2) -> dict:
    """Serve token, NRPS and AGS endpoints of the driver's lti1p3platform registration; returns the state."""
    driver.registration.set_tool_key_set(tool_jwks)
    state = {"jtis": set(), "refusals": [], "assertions": [], "lineitems": [], "scores": [], "members": []}
    token_url = server.url(TOKEN_PATH)

    def token(seen):
        form = seen.form()
        try:
            kid = jwt.get_unverified_header(form["client_assertion"])["kid"]
            key = jwt.PyJWK(next(k for k in tool_jwks["keys"] if k["kid"] == kid))
            claims = jwt.decode(form["client_assertion"], key, algorithms=["RS256"], audience=token_url,
                                options={"require": ["iss", "sub", "aud", "exp", "iat", "jti"]})
            assert claims["iss"] == claims["sub"] == driver.client_id, "iss/sub"
            assert claims["exp"] - time.time() <= 600, "exp too far"
            assert claims["jti"] not in state["jtis"], "jti replayed"
        except (jwt.PyJWTError, AssertionError, KeyError, StopIteration) as exc:
            state["refusals"].append(str(exc))
            return 401, {}, {"error": "invalid_client"}
        state["jtis"].add(claims["jti"])
        state["assertions"].append(claims)
        return 200, {}, dict(driver.config.get_access_token(form))

    def members(seen):
        request = _Request(seen)
        request.request["get_data"].setdefault("limit", page_size)
        service = Roster(request, driver.config, server.url(MEMBERS_PATH))
        service.members = state["members"]
        return _answer(service.handle_resp(service.handle_get_members))

    def gradebook(handler, **kwargs):
        def serve(seen):
            service = Gradebook(_Request(seen), driver.config, server.url(LINEITEMS_PATH),
                                server.url(LINEITEM_PATH), store=state)
            return _answer(service.handle_resp(getattr(service, handler), **kwargs))
        return serve

    server.routes[("POST", TOKEN_PATH)] = token
    server.routes[("GET", MEMBERS_PATH)] = members
    server.routes[("GET", LINEITEMS_PATH)] = gradebook("handle_get_lineitems")
    server.routes[("POST", LINEITEMS_PATH)] = gradebook("handle_create_lineitem")
    for path in (LINEITEM_PATH, LINEITEMS_PATH + "/9/lineitem"):
        server.routes[("POST", path + "/scores")] = gradebook("handle_update_score", line_item_id=server.url(path))
    return state

"""A local fake of Moodle's REST web-service endpoint (real HTTP on 127.0.0.1) answering Moodle's documented shapes."""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

REST_PATH = "/webservice/rest/server.php"


def moodle_exception(errorcode: str, message: str, exception: str = "moodle_exception") -> dict:
    """Moodle's JSON error object (webservice/rest/locallib.php generate_error), sent with HTTP 200."""
    return {"exception": exception, "errorcode": errorcode, "message": message}


INVALID_TOKEN = moodle_exception("invalidtoken", "Invalid token - token not found")
NO_CRITERIA = moodle_exception("nocriteriaset", "No completion criteria set for this course")
NOT_ENROLLED = moodle_exception("usernotenroled", "User is not enrolled in this course")
ACCESS_DENIED = moodle_exception("accessexception", "Access control exception", "webservice_access_exception")


def unflatten(fields: list[tuple[str, str]]) -> dict:
    """Rebuild PHP-style nested parameters (options[0][name]=...) the way PHP's $_POST does."""
    result: dict = {}
    for name, value in fields:
        keys = [name.split("[", 1)[0], *re.findall(r"\[([^\]]*)\]", name)]
        node = result
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return result


def criterion(complete: bool, timecompleted: int | None, title: str = "Activity completion") -> dict:
    """One entry of completionstatus.completions (completion/classes/external.php)."""
    return {"type": 4, "title": title, "status": "Yes" if complete else "No", "complete": complete,
            "timecompleted": timecompleted,
            "details": {"type": "Activity completion", "criteria": "Quiz 1", "requirement": "Marking yourself complete",
                        "status": ""}}


class FakeMoodle:
    """Holds the fake site's data and every request it received; start() binds a free port on 127.0.0.1."""

    def __init__(self, token: str = "ws-token-0123456789abcdef"):
        self.token = token
        self.requests: list[dict] = []
        self.enrolled: dict[int, list[dict]] = {}
        self.completion: dict[tuple[int, int], dict] = {}  # completionstatus, or an exception object
        self.grades: dict[tuple[int, int], tuple[float | None, float, float]] = {}
        self.raw_answer: tuple[int, str, bytes] | None = None  # (status, content type, body) for every call
        self.delay = 0.0
        self._server: ThreadingHTTPServer | None = None

    # -- data helpers -------------------------------------------------------------------------------------------
    def enrol(self, course_id: int, user_id: int, first: str = "Ada", last: str = "Lovelace") -> None:
        self.enrolled.setdefault(course_id, []).append({
            "id": user_id, "username": f"user{user_id}", "firstname": first, "lastname": last,
            "fullname": f"{first} {last}", "email": f"user{user_id}@example.edu",
            "roles": [{"roleid": 5, "name": "", "shortname": "student", "sortorder": 0}],
            "enrolledcourses": [{"id": course_id, "fullname": "Data Literacy", "shortname": "DL"}]})

    def complete(self, course_id: int, user_id: int, times: tuple[int, ...] = (1700000000,), aggregation: int = 1,
                 grade: float | None = None) -> None:
        self.completion[(course_id, user_id)] = {
            "completed": True, "aggregation": aggregation, "completions": [criterion(True, t) for t in times]}
        if grade is not None:
            self.grades[(course_id, user_id)] = (grade, 0.0, 100.0)

    def calls(self, wsfunction: str | None = None) -> list[dict]:
        return [r for r in self.requests if wsfunction is None or r.get("wsfunction") == wsfunction]

    # -- server -------------------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeMoodle:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = unflatten(parse_qsl(self.rfile.read(length).decode("ascii"), keep_blank_values=True))
                form["_path"] = self.path
                fake.requests.append(form)
                if fake.delay:
                    time.sleep(fake.delay)
                if urlsplit(self.path).path != REST_PATH:
                    return self._send(404, "text/html", b"<html>Not found</html>")
                if fake.raw_answer is not None:
                    return self._send(*fake.raw_answer)
                self._send(200, "application/json", json.dumps(fake.answer(form)).encode())

            def _send(self, status, content_type, body):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # -- Moodle functions ---------------------------------------------------------------------------------------
    def answer(self, form: dict):
        if form.get("wstoken") != self.token:
            return INVALID_TOKEN
        function = form.get("wsfunction")
        if function == "core_enrol_get_enrolled_users":
            return self._enrolled_users(form)
        if function == "core_completion_get_course_completion_status":
            return self._completion_status(int(form["courseid"]), int(form["userid"]))
        if function == "gradereport_user_get_grade_items":
            return self._grade_items(int(form["courseid"]), int(form["userid"]))
        return moodle_exception("invalidrecord", "Can't find data record in database table external_functions.",
                                "dml_missing_record_exception")

    def _enrolled_users(self, form: dict):
        options = {o["name"]: o["value"] for o in form.get("options", {}).values()}
        users = self.enrolled.get(int(form["courseid"]), [])
        start = int(options.get("limitfrom", 0))
        number = int(options.get("limitnumber", 0)) or len(users)
        return users[start:start + number]

    def _completion_status(self, course_id: int, user_id: int):
        if user_id not in {u["id"] for u in self.enrolled.get(course_id, [])}:
            return NOT_ENROLLED
        status = self.completion.get((course_id, user_id))
        if status is None:
            status = {"completed": False, "aggregation": 1, "completions": [criterion(False, None)]}
        if "exception" in status:
            return status
        return {"completionstatus": status, "warnings": []}

    def _grade_items(self, course_id: int, user_id: int):
        raw, low, high = self.grades.get((course_id, user_id), (None, 0.0, 100.0))
        course_total = {
            "id": 1, "itemname": None, "itemtype": "course", "itemmodule": None, "iteminstance": course_id,
            "itemnumber": None, "idnumber": "", "categoryid": None, "outcomeid": None, "scaleid": None,
            "locked": False, "graderaw": raw, "gradedatesubmitted": None, "gradedategraded": 1700000000,
            "gradehiddenbydate": False, "gradeneedsupdate": False, "gradeishidden": False,
            "gradeislocked": False, "gradeisoverridden": False,
            "gradeformatted": "-" if raw is None else f"{raw:.2f}", "grademin": low, "grademax": high,
            "rangeformatted": f"{low:g}&ndash;{high:g}", "percentageformatted": "-", "feedback": "",
            "feedbackformat": 1}
        quiz = {**course_total, "id": 2, "itemname": "Quiz 1", "itemtype": "mod", "itemmodule": "quiz",
                "graderaw": 10.0, "grademax": 10.0}
        return {"usergrades": [{"courseid": course_id, "courseidnumber": "", "userid": user_id,
                                "userfullname": "Ada Lovelace", "useridnumber": "", "maxdepth": 2,
                                "gradeitems": [quiz, course_total]}], "warnings": []}

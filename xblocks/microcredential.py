"""MicroCredentialXBlock: a course's EU micro-credential, the learner's progress and their credential links."""

from __future__ import annotations

from django.utils.translation import get_language
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Scope, String
from xblock.utils.resources import ResourceLoader
from xblock.validation import ValidationMessage

loader = ResourceLoader(__name__)

STATE_LABELS = {"not_started": "Not started", "in_progress": "In progress", "awarded": "Awarded"}


def _language() -> str:
    return (get_language() or "en").split("-")[0]


@XBlock.wants("user")
class MicroCredentialXBlock(XBlock):
    """Shows the EU standard elements of the course's micro-credential (transparency), the learner's progress
    and, once awarded, links to their credential; in Studio, lets the course team pick and check the tag."""

    display_name = String(display_name="Display name", default="Micro-credential", scope=Scope.settings)
    microcredential_id = String(
        display_name="Micro-credential", default="", scope=Scope.settings,
        help="Id of the micro-credential this block shows, when the course is tagged with several; empty = the "
             "course's only micro-credential.")

    # --- shared -------------------------------------------------------------------------------------------------

    def _course_id(self) -> str | None:
        from mc_lms_bridge.compat import xblock_course_id

        return xblock_course_id(self)

    def _choice(self):
        from mc_lms_bridge.connectors.openedx.course_tags import choose

        return choose(self._course_id(), self.microcredential_id)

    def _fragment(self, template: str, context: dict) -> Fragment:
        fragment = Fragment(loader.render_django_template(f"templates/microcredential/{template}", context))
        fragment.add_css(loader.load_unicode("static/css/microcredential.css"))
        return fragment

    # --- learner ------------------------------------------------------------------------------------------------

    def student_view(self, context=None):
        """The micro-credential's standard elements, the learner's progress and their credential links."""
        from mc_lms_bridge.compat import xblock_user_id
        from mc_lms_bridge.connectors.openedx.elements import transparency_elements
        from mc_lms_bridge.connectors.openedx.learner_progress import learner_progress

        choice = self._choice()
        page = {"display_name": self.display_name, "available": choice.usable}
        if choice.usable:
            title, elements = transparency_elements(choice.version, _language())
            progress = learner_progress(choice.course_id, xblock_user_id(self), choice.tag.microcredential)
            page.update(title=title, elements=elements, version=choice.version.version, progress=progress,
                        state_label=STATE_LABELS[progress.state])
        return self._fragment("student.html", page)

    # --- course team --------------------------------------------------------------------------------------------

    def author_view(self, context=None):
        """Studio preview: the course's tags, the one in use, what is missing, and the picker."""
        from mc_lms_bridge.connectors.openedx.elements import pick, transparency_elements

        choice = self._choice()
        language = _language()
        options = []
        for tag in choice.tags:
            published = tag.microcredential.published_version()
            shown = published or tag.microcredential.latest_version()
            options.append({"id": str(tag.microcredential_id), "slug": str(tag.microcredential),
                            "title": pick(shown.title, language) if shown else "",
                            "published": published is not None,
                            "selected": choice.tag is not None and tag.pk == choice.tag.pk})
        page = {"display_name": self.display_name, "course_id": choice.course_id, "options": options,
                "findings": choice.findings, "chosen": self.microcredential_id,
                "title": "", "elements": []}
        if choice.usable:
            page["title"], page["elements"] = transparency_elements(choice.version, language)
        fragment = self._fragment("author.html", page)
        fragment.add_javascript(loader.load_unicode("static/js/microcredential_author.js"))
        fragment.initialize_js("MicroCredentialAuthorView")
        return fragment

    def validate(self):
        """Studio validation messages: no tag, several tags and none chosen, no published version."""
        validation = super().validate()
        for finding in self._choice().findings:
            level = ValidationMessage.ERROR if finding.level == "error" else ValidationMessage.WARNING
            validation.add(ValidationMessage(level, finding.text))
        return validation

    @XBlock.json_handler
    def select_microcredential(self, data, suffix=""):
        """Store the micro-credential this block shows; it must be one the course is tagged with ("" = auto)."""
        from mc_lms_bridge.connectors.openedx.course_tags import choose

        chosen = data.get("microcredential_id", "") if isinstance(data, dict) else None
        if not isinstance(chosen, str):
            return {"ok": False, "messages": ["Send {\"microcredential_id\": \"<id>\"}."]}
        choice = choose(self._course_id(), chosen.strip())
        if chosen.strip() and choice.tag is None:
            return {"ok": False, "messages": [f.text for f in choice.findings]}
        self.microcredential_id = chosen.strip()
        return {"ok": True, "messages": [f.text for f in choice.findings]}
